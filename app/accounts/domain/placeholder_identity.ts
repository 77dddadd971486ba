/**
 * The identity a deleted account keeps: no personal data, still unique, and
 * impossible to sign up with (signup names are letters and digits only, and
 * the .invalid TLD is reserved).
 */
export function placeholderIdentity(userId: number) {
  return {
    name: `deleted-user-${userId}`,
    email: `deleted-${userId}@deleted.invalid`,
  }
}

export const DELETED_AUTHOR_NAME = '(deleted)'
