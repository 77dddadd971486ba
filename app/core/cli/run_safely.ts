import type { BaseCommand } from '@adonisjs/core/ace'
import { errors as vineErrors } from '@vinejs/vine'
import { AppException } from '#core/exceptions/app_exception'

/**
 * Runs a command body, turning expected failures into one red line and a
 * non-zero exit code instead of a stack trace.
 */
export async function runSafely(command: BaseCommand, body: () => Promise<void>) {
  try {
    await body()
  } catch (error) {
    command.exitCode = 1
    if (error instanceof AppException) {
      command.logger.error(error.message)
    } else if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      for (const m of error.messages as { message: string }[]) command.logger.error(m.message)
    } else {
      throw error
    }
  }
}
