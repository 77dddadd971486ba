/**
 * The accounts plugin's public entry: the only file other plugins, config/
 * and start/ may import (ESLint enforces it). Everything else in
 * app/accounts is private and may change without notice.
 */
import '#accounts/events/account_events'

// Who is signed in: the cached snapshot every authenticated request carries.
export type { AuthUser } from '#accounts/domain/auth_user'
export { isBlocked, isDeactivated } from '#accounts/domain/auth_user'
export { AuthUserLookup } from '#accounts/services/auth_user_lookup'
export { ROLE_NAMES, type RoleName } from '#accounts/models/role'
export type { StateName } from '#accounts/models/state'

// Who may do what with accounts (Bouncer policy), and the role ladder other plugins'
// policies build on: code outside policies asks a policy, never a role.
export { default as UserPolicy } from '#accounts/policies/user_policy'
export { roleAtLeast, type Actor } from '#accounts/policies/role_at_least'
// Posting, commenting and voting: 403 E_EMAIL_NOT_VERIFIED under REQUIRE_VERIFIED_EMAIL (#21).
export { assertMayContribute } from '#accounts/services/assert_may_contribute'

// Guards for config/auth.ts, and the login limit other sign-in forms share.
export { jwtGuard, webSessionGuard } from '#accounts/guards/auth_guards'
export { throttleLogin } from '#accounts/limiters'
// Spam limits on posts, comments, votes and reports (per member, per IP, new accounts; staff exempt).
export { throttleWrites, type WriteKind } from '#accounts/limiters'

// Actions other plugins may run (they check who may do it).
export { LoginUser, type LoginInput } from '#accounts/actions/login_user'
export { SetUserBlocked } from '#accounts/actions/set_user_blocked'
export { ChangeRole } from '#accounts/actions/change_role'
export { SeedDemoUsers, type UserIdRange } from '#accounts/actions/seed_demo_users'
// Members' pictures: the plugin that stores them sets the URL template withAuthorName carries.
export { SetAvatarTemplate } from '#accounts/actions/set_avatar_template'

// Read models and query helpers: other plugins never name the accounts tables.
export { withAuthorName, type AuthorColumns } from '#accounts/queries/with_author_name'
export { DELETED_AUTHOR_NAME } from '#accounts/domain/placeholder_identity'
export {
  UserDirectory,
  type DirectoryUser,
  type DirectoryLogin,
} from '#accounts/queries/user_directory'
export { accountStats } from '#accounts/queries/account_stats'
// Ids of live accounts whose name contains a text: the author match of the board's search.
export { userIdsWithNameContaining } from '#accounts/services/user_ids_with_name_containing'

// Personal API tokens: the guard for config/auth.ts, the signed-in user of an API
// request whichever bearer it carried, and the revocation a credential reset runs in its
// transaction (a password change, a block and an account deletion already do).
export { apiTokensGuard } from '#accounts/guards/auth_guards'
export { apiUser } from '#accounts/guards/api_user'
export { revokeApiTokens } from '#accounts/services/revoke_api_tokens'
export { ManageApiTokens, type NewApiToken } from '#accounts/actions/manage_api_tokens'
export { default as ApiTokenPolicy } from '#accounts/policies/api_token_policy'
// Public profiles: members by name for public pages (null when unknown, blocked, deactivated
// or deleted), and the extension point through which plugins add fields to a profile.
export { PublicUserLookup, type PublicUser } from '#accounts/services/public_user_lookup'
export {
  profileFields,
  type ProfileFieldSource,
  type ProfileFieldValues,
} from '#accounts/services/profile_fields'
// Who may be notified (live, not blocked or deactivated), in bulk: the notifications plugin.
export { NotifiableMembers, type NotifiableMailbox } from '#accounts/queries/notifiable_members'
