import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { ApprovalQueue } from '#moderation/actions/approval_queue'
import { approvalQueueValidator, rejectValidator } from '#moderation/validators/report_validators'

export default class ApprovalsController {
  @inject()
  async index({ auth, request }: HttpContext, queue: ApprovalQueue) {
    const query = await approvalQueueValidator.validate(request.qs())
    return queue.list(apiUser(auth), query)
  }

  @inject()
  async approve({ auth, params }: HttpContext, queue: ApprovalQueue) {
    return queue.approve(apiUser(auth), Number(params.id))
  }

  @inject()
  async reject({ auth, params, request }: HttpContext, queue: ApprovalQueue) {
    // An empty body is fine: the reason is optional.
    const input = await rejectValidator.validate(request.body() ?? {})
    return queue.reject(apiUser(auth), Number(params.id), input.reason ?? null)
  }
}
