import { readFileSync } from 'node:fs'
import { configApp } from '@adonisjs/eslint-config'

/*
| The plugin contract: a plugin (app/<plugin>/, tests included) imports
| another plugin only through its public entry, `#<other>/public`; config/,
| start/ and providers/ also through `#<plugin>/plugin` (the manifest). The
| plugin aliases come from package.json "imports" (app/core is the kernel,
| open to all).
*/
const imports = JSON.parse(readFileSync('package.json', 'utf8')).imports
const aliases = Object.entries(imports)
  .map(([alias, target]) => [alias.replace(/\/\*$/, ''), /^\.\/app\/([^/]+)\//.exec(target)?.[1]])
  .filter(([, folder]) => folder && folder !== 'core')

// A regex, not a gitignore-style group: there a leading `#` starts a comment.
const privateOf = (alias, allowed) => ({
  regex: `^${alias}/(?!(?:${allowed.join('|')})$)`,
  message: `Another plugin's private file: import ${allowed.map((e) => `${alias}/${e}`).join(' or ')} instead (docs/plugins.md, "The contract").`,
})

// The same for `await import('...')`, which no-restricted-imports does not see.
const dynamicPrivateOf = (alias, allowed) => ({
  selector: `ImportExpression[source.value=/^${alias}\\/(?!(?:${allowed.join('|')})$)/]`,
  message: privateOf(alias, allowed).message,
})

const rulesAllowing = (others, allowed) => ({
  'no-restricted-imports': ['error', { patterns: others.map((a) => privateOf(a, allowed)) }],
  'no-restricted-syntax': ['error', ...others.map((a) => dynamicPrivateOf(a, allowed))],
})

const othersThan = (alias) => aliases.map(([other]) => other).filter((other) => other !== alias)

const boundaries = [
  ...aliases.map(([alias, folder]) => ({
    files: [`app/${folder}/**/*.ts`],
    rules: rulesAllowing(othersThan(alias), ['public']),
  })),
  // Inside the board, the search is reached through its entry (docs/board.md, "Search").
  {
    files: ['app/board/**/*.ts'],
    ignores: ['app/board/search/**', 'app/board/tests/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...othersThan('#board').map((alias) => privateOf(alias, ['public'])),
            {
              regex: '^#board/search/(?!post_search$)',
              message: 'The search is reached through #board/search/post_search.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['config/**/*.ts', 'start/**/*.ts', 'providers/**/*.ts', 'adonisrc.ts'],
    rules: rulesAllowing(
      aliases.map(([alias]) => alias),
      ['public', 'plugin']
    ),
  },
]

/*
| Plugin packages (packages/<name>/) reach the app only through
| @boardcms/plugin-kit: no app alias (it would resolve against the
| package's own package.json anyway) and no relative path out of the
| package. The kit itself re-exports the kernel (app/core), the plugins'
| public entries and the named middleware, nothing else.
*/
const rulesRefusing = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((regex) => ({ regex, message })) }],
  'no-restricted-syntax': [
    'error',
    ...patterns.map((regex) => ({
      selector: `ImportExpression[source.value=/${regex}/]`,
      message,
    })),
  ],
})
const appAlias = `^(?:${Object.keys(imports)
  .map((alias) => alias.replace(/\/\*$/, ''))
  .join('|')})(?:\\/|$)`
const throughKit =
  'A plugin package reaches the app only through @boardcms/plugin-kit (docs/plugins.md, "Plugins as packages").'
// One entry per folder depth: from packages/<name>/a/b/, "../../../" leaves the package.
const packageBoundaries = Array.from({ length: 8 }, (_, depth) => ({
  files: [`packages/*/${'*/'.repeat(depth)}*.{ts,js}`],
  ignores: ['packages/plugin-kit/**'],
  rules: rulesRefusing([appAlias, `^(?:\\.\\.\\/){${depth + 1}}`], throughKit),
}))
const kitBoundary = {
  files: ['packages/plugin-kit/**/*.ts'],
  rules: rulesRefusing(
    [
      '^#',
      '^\\.\\.\\/\\.\\.\\/app\\/(?!core\\/)[^\\/]+\\/(?!public\\.js$)',
      '^\\.\\.\\/\\.\\.\\/(?!app\\/|start\\/kernel\\.js$)',
    ],
    'The kit re-exports the kernel (app/core), public entries (app/<plugin>/public) and start/kernel only.'
  ),
}

export default configApp(
  {
    // `(await client.get(url)).assertStatus(200)` reads best in tests and scripts.
    files: ['tests/**/*.ts', 'app/*/tests/**/*.ts', 'packages/*/tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@unicorn/no-await-expression-member': 'off' },
  },
  ...boundaries,
  ...packageBoundaries,
  kitBoundary
)
