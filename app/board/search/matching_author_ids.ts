import { userIdsWithNameContaining } from '#accounts/public'

/** A keyword, not a user list: at most this many authors are or'ed into a search. */
const MAX_AUTHORS = 1000

/**
 * The authors whose name contains the keyword literally, looked up by the
 * accounts plugin (its name gram index). Started before the text queries
 * so the two run side by side; every caller awaits it.
 */
export function matchingAuthorIds(keyword: string): Promise<number[]> {
  const lookup = userIdsWithNameContaining(keyword, MAX_AUTHORS)
  // Awaited by the caller in every case; this only keeps an early failure from being "unhandled".
  lookup.catch(() => {})
  return lookup
}
