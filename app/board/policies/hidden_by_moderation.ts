import { deny } from '#core/authorization/denial'

/** Content hidden by members' reports comes back only through a moderator's decision. */
export function hiddenByModeration() {
  return deny('Hidden after reports until a moderator decides', {
    status: 409,
    code: 'E_HIDDEN_BY_MODERATION',
  })
}
