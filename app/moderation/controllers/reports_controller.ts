import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { CreateReport } from '#moderation/actions/create_report'
import { ResolveReport } from '#moderation/actions/resolve_report'
import { ReportQueue } from '#moderation/actions/report_queue'
import {
  reportQueueValidator,
  reportValidator,
  resolveValidator,
} from '#moderation/validators/report_validators'

export default class ReportsController {
  @inject()
  async reportPost({ auth, params, request, response }: HttpContext, create: CreateReport) {
    const input = await request.validateUsing(reportValidator)
    response.status(201)
    return create.handle(apiUser(auth), 'post', Number(params.id), input)
  }

  @inject()
  async reportComment({ auth, params, request, response }: HttpContext, create: CreateReport) {
    const input = await request.validateUsing(reportValidator)
    response.status(201)
    return create.handle(apiUser(auth), 'comment', Number(params.id), input)
  }

  @inject()
  async index({ auth, request }: HttpContext, queue: ReportQueue) {
    const query = await reportQueueValidator.validate(request.qs())
    return queue.list(apiUser(auth), query)
  }

  @inject()
  async resolve({ auth, params, request }: HttpContext, resolve: ResolveReport) {
    const input = await request.validateUsing(resolveValidator)
    return resolve.handle(apiUser(auth), Number(params.id), input)
  }
}
