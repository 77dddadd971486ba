import { AuthUserLookup, type RoleName } from '#accounts/public'
import { CreatePost } from '#board/public'
import { createUser } from '#tests/helpers/accounts'
import { createBoard } from '#tests/helpers/board'
import { AdminAgent } from '#admin/tests/helpers/admin_agent'

/** A user and their AuthUser snapshot (what actions take). */
export async function createActor(role: RoleName = 'user') {
  const user = await createUser({ role })
  const actor = (await AuthUserLookup.load(user.id))!
  return { user, actor }
}

/** A staff member signed in to the panel through the form. */
export async function signedInStaff(role: RoleName = 'admin') {
  const { user, actor } = await createActor(role)
  const agent = new AdminAgent()
  const response = await agent.signIn(user.name)
  if (response.status !== 302 || response.location !== '/admin') {
    throw new Error(`Sign-in failed: ${response.status} ${response.location}`)
  }
  return { agent, user, actor }
}

/** A fresh board/category and a post in it by a new author. */
export async function createPostFixture(input = { title: 'A title', content: 'Some content' }) {
  const { board, category } = await createBoard()
  const { user, actor } = await createActor()
  const post = await new CreatePost().handle(actor, category, input)
  return { board, category, author: user, actor, post }
}
