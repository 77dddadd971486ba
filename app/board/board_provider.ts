/**
 * The board plugin: categories, versioned posts and comments, votes, list
 * and search, with cache invalidation on every write. Routes and listeners
 * come from the manifest (plugin.ts); the event and hook declarations are
 * types only. It adds its counts to the accounts plugin's public profiles.
 */
export default class BoardProvider {
  async start() {
    await import('#board/events/board_events')
    await import('#board/events/content_hook_points')
    const { profileFields } = await import('#accounts/public')
    const { memberProfileFields } = await import('#board/services/member_profile_fields')
    profileFields.register('board', memberProfileFields)
  }
}
