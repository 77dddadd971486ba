import vine from '@vinejs/vine'
import { API_TOKEN_ABILITIES, MAX_API_TOKEN_DAYS } from '#accounts/domain/api_token_abilities'

export const createApiTokenValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(100),
  abilities: vine.array(vine.enum(API_TOKEN_ABILITIES)).minLength(1).distinct(),
  expires_in_days: vine.number().withoutDecimals().range([1, MAX_API_TOKEN_DAYS]).optional(),
})
