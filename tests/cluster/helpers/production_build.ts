import { execFileSync } from 'node:child_process'
import app from '@adonisjs/core/services/app'

let built = false

/**
 * The production build the instances run (what the Dockerfile ships): built
 * once per test run, as `npm run build` does, with its own production
 * dependencies installed in build/ (plugin packages are linked from
 * build/packages). Never a build left from an earlier checkout.
 */
export function productionBuild() {
  const root = app.makePath()
  if (!built) {
    const options = { cwd: root, stdio: 'ignore' as const, timeout: 600_000 }
    execFileSync(process.execPath, ['ace', 'build'], options)
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
      ...options,
      cwd: app.makePath('build'),
    })
    built = true
  }
  return app.makePath('build')
}
