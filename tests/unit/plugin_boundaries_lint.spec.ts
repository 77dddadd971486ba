import { test } from '@japa/runner'
import { ESLint } from 'eslint'
import app from '@adonisjs/core/services/app'

/** The lint errors of `code` as if it were the file at `path` (relative to the app root). */
async function lintAs(path: string, code: string) {
  const eslint = new ESLint({ cwd: app.makePath() })
  const [result] = await eslint.lintText(code, { filePath: app.makePath(path) })
  return result.messages
    .filter((message) =>
      ['no-restricted-imports', 'no-restricted-syntax'].includes(message.ruleId!)
    )
    .map((message) => message.message)
}

test.group('Plugin boundaries (npm run lint)', () => {
  test('a plugin importing another plugin private file fails the lint; its public entry passes', async ({
    assert,
  }) => {
    const crossing = await lintAs(
      'app/admin/services/probe.ts',
      "import { DeletePost } from '#board/actions/delete_post'\nexport { DeletePost }\n"
    )
    assert.lengthOf(crossing, 1)
    assert.include(crossing[0], 'import #board/public instead')

    const dynamic = await lintAs(
      'app/admin/services/probe.ts',
      "export const load = () => import('#accounts/models/user')\n"
    )
    assert.lengthOf(dynamic, 1)

    const allowed = await lintAs(
      'app/admin/services/probe.ts',
      "import { DeletePost } from '#board/public'\nimport { renderPage } from '#admin/services/render_page'\nexport { DeletePost, renderPage }\nexport const load = () => import('#board/public')\n"
    )
    assert.deepEqual(allowed, [])
  }).timeout(30_000)

  test('plugin tests and config files are held to the same rule', async ({ assert }) => {
    const inTests = await lintAs(
      'app/audit/tests/functional/probe.spec.ts',
      "import { ChangeRole } from '#accounts/actions/change_role'\nexport { ChangeRole }\n"
    )
    assert.lengthOf(inTests, 1)

    const inConfig = await lintAs(
      'config/probe.ts',
      "import { JwtGuard } from '#accounts/guards/jwt_guard'\nimport accounts from '#accounts/plugin'\nexport { JwtGuard, accounts }\n"
    )
    assert.lengthOf(inConfig, 1)
    assert.include(inConfig[0], '#accounts/public or #accounts/plugin')
  }).timeout(30_000)
})
