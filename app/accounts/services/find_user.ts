import User from '#accounts/models/user'

/** Finds a live account by id, name or email, as operators type it. */
export async function findUser(ref: string) {
  const query = User.query().whereNull('deleted_at')
  if (/^\d+$/.test(ref)) query.where('id', Number(ref))
  else query.where(ref.includes('@') ? 'email' : 'name', ref)
  return query.first()
}
