import cache from '@adonisjs/cache/services/main'
import { AppException } from '#core/exceptions/app_exception'
import { PublicUserLookup } from '#accounts/services/public_user_lookup'
import {
  profileFields,
  type ProfileFieldRegistry,
  type ProfileFieldValues,
} from '#accounts/services/profile_fields'
import { profileJson, type ProfileJson } from '#accounts/transformers/profile_json'

/**
 * A member's public profile: the account's own fields (cached with the
 * account, PublicUserLookup) and the fields plugins add (cached per
 * account, tagged with each source's tags, so the plugin that changes a
 * value drops it). 404 for unknown, blocked, deactivated and deleted
 * accounts.
 */
export class ReadProfile {
  constructor(private registry: ProfileFieldRegistry = profileFields) {}

  async handle(name: string): Promise<ProfileJson> {
    const user = await PublicUserLookup.find(name)
    if (!user) throw AppException.notFound('User')
    return profileJson(user, await this.fieldsOf(user.id))
  }

  private async fieldsOf(userId: number): Promise<ProfileFieldValues> {
    if (this.registry.isEmpty) return {}
    let loaded: ProfileFieldValues = {}
    const cached = await cache.getOrSet({
      key: `accounts:profile-fields:${userId}`,
      ttl: '10m',
      tags: this.registry.tags(userId),
      factory: async (ctx) => {
        const { values, complete } = await this.registry.load([userId])
        loaded = values.get(userId) ?? {}
        // Fields missing because a source failed are not cached: the next request asks again.
        return complete ? loaded : ctx.skip()
      },
    })
    return cached ?? loaded
  }
}
