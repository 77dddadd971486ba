/*
|--------------------------------------------------------------------------
| Ace entry point
|--------------------------------------------------------------------------
|
| The "console.ts" file is the entrypoint for booting the AdonisJS
| command-line framework and executing commands.
|
| Commands do not boot the application, unless the currently running command
| has "options.startApp" flag set to true.
|
*/

process.env.TZ = 'UTC'

/*
| `node ace test` boots this process before the test command runs, and the
| environment it loads is handed to the test runner. So .env.test is loaded
| first: it wins over a developer's .env (whose SQLITE_FILENAME would point
| the suite's migration:fresh at the development database), while variables
| set in the environment (CI's) still win over both.
*/
if (process.argv[2] === 'test') {
  const { existsSync } = await import('node:fs')
  const { fileURLToPath } = await import('node:url')
  const { resolve } = await import('node:path')
  process.env.NODE_ENV ??= 'test'
  const root = fileURLToPath(new URL('../', import.meta.url))
  const testEnv = resolve(root, process.env.ENV_PATH ?? '', '.env.test')
  if (existsSync(testEnv)) process.loadEnvFile(testEnv)
}
await import('reflect-metadata')
const { Ignitor, prettyPrintError } = await import('@adonisjs/core')

/**
 * URL to the application root. AdonisJS need it to resolve
 * paths to file and directories for scaffolding commands
 */
const APP_ROOT = new URL('../', import.meta.url)

/**
 * The importer is used to import files in context of the
 * application.
 */
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      const { exitOnInvalidEnv } = await import('#start/env')
      exitOnInvalidEnv()
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .ace()
  .handle(process.argv.splice(2))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
