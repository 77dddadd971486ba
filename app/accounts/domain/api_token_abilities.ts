/**
 * What a personal API token may do: `read` calls reads (GET) only; `write`
 * calls everything, reads included (as Discourse's write scope). The auth
 * middleware enforces it (403 E_TOKEN_READ_ONLY).
 */
export const API_TOKEN_ABILITIES = ['read', 'write'] as const
export type ApiTokenAbility = (typeof API_TOKEN_ABILITIES)[number]

/** Live tokens one account may hold. */
export const MAX_API_TOKENS_PER_USER = 100

/** The longest lifetime a token may be given; without one it lives until revoked or unused. */
export const MAX_API_TOKEN_DAYS = 3650
