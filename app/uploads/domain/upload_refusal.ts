import { AppException } from '#core/exceptions/app_exception'

/** Why an upload was refused: the label of the refusals metric. */
export type RefusalReason =
  'too_large' | 'quota' | 'type' | 'disguised' | 'unreadable' | 'pixels' | 'animated' | 'no_file'

/** A refused upload: the client's error and the metric's reason. */
export class UploadRefusal extends AppException {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    options: { status: number; code: string }
  ) {
    super(message, { ...options, field: 'file' })
  }

  static unsupported(reason: RefusalReason, message: string) {
    return new UploadRefusal(reason, message, { status: 422, code: 'E_UNSUPPORTED_MEDIA' })
  }
}
