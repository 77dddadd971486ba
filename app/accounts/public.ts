/**
 * What other plugins may use from accounts (`#accounts/public`); every
 * other file of app/accounts is private to it.
 */

// Ids of live accounts whose name contains a text: the author match of the board's search.
export { userIdsWithNameContaining } from '#accounts/services/user_ids_with_name_containing'
