import { Exception } from '@adonisjs/core/exceptions'
import logger from '@adonisjs/core/services/logger'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import { uploadsFailed } from '#uploads/metrics'

export type FaultStage = 'temp' | 'disk'

/**
 * A server-side failure storing an upload (the temporary folder or the
 * disk refused a write: full, read-only, unreachable bucket). It is not the
 * client's fault, so it answers 503 E_SERVICE_UNAVAILABLE in the documented
 * shape, with the generic message: the cause (paths, bucket names) is only
 * logged.
 */
export function storageFault(stage: FaultStage, cause: unknown) {
  logger.error({ err: safeErrorFields(cause), stage }, 'upload storage failed')
  uploadsFailed.inc({ stage })
  return new Exception('The upload could not be stored', {
    status: 503,
    code: 'E_UPLOAD_STORAGE',
    cause,
  })
}

/** Runs a write, turning its failure into a storage fault. */
export async function storing<T>(stage: FaultStage, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw storageFault(stage, error)
  }
}

export function isStorageFault(error: unknown) {
  return error instanceof Exception && error.code === 'E_UPLOAD_STORAGE'
}
