import app from '@adonisjs/core/services/app'

/**
 * Runs an Ace command in the test process, as an operator would type it,
 * and returns its exit code and what it printed (raw mode keeps the lines).
 */
export async function runCommand(name: string, args: string[]) {
  const kernel = await app.container.make('ace')
  kernel.ui.switchMode('raw')
  const command = await kernel.exec(name, args)
  const lines = command.ui.logger.getLogs().map((log) => log.message)
  return { exitCode: command.exitCode, lines, output: lines.join('\n') }
}
