import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { createApiTokenValidator } from '#accounts/validators/api_token_validators'
import { ManageApiTokens } from '#accounts/actions/manage_api_tokens'
import { apiUser } from '#accounts/guards/api_user'
import { apiTokenJson, newApiTokenJson } from '#accounts/transformers/api_token_transformer'

/** The caller's own personal API tokens (routes behind `middleware.auth({ apiTokens: false })`). */
export default class ApiTokensController {
  @inject()
  async store({ auth, request, response }: HttpContext, tokens: ManageApiTokens) {
    const payload = await request.validateUsing(createApiTokenValidator)
    const token = await tokens.create(apiUser(auth), {
      name: payload.name,
      abilities: payload.abilities,
      expiresInDays: payload.expires_in_days,
    })
    return response.created(newApiTokenJson(token))
  }

  @inject()
  async index({ auth }: HttpContext, tokens: ManageApiTokens) {
    const user = apiUser(auth)
    const list = await tokens.list(user, user.id)
    return list.map(apiTokenJson)
  }

  @inject()
  async destroy({ auth, params, response }: HttpContext, tokens: ManageApiTokens) {
    const user = apiUser(auth)
    await tokens.revoke(user, user.id, Number(params.id))
    return response.noContent()
  }
}
