import type { ApiClient } from '@japa/api-client'
import { ManageCategories } from '#board/actions/manage_categories'
import { uniqueName, type Session } from '#tests/helpers/accounts'

/** A fresh board with one child category, so counts in a test are its own. */
export async function createBoard() {
  const categories = new ManageCategories()
  const board = await categories.create(uniqueName('b'))
  const category = await categories.create(uniqueName('c'), board.name)
  return { board: board.name, category: category.name }
}

export async function createPost(
  client: ApiClient,
  session: Session,
  category: string,
  body: { title?: string; content?: string } = {}
) {
  const response = await client
    .post(`/api/v1/board/${category}`)
    .headers(session.auth)
    .json({ title: body.title ?? 'A title', content: body.content ?? 'Some content' })
  response.assertStatus(201)
  return response.body() as { id: number; title: string; content: string; version: number }
}

/** One post per title by `session` in `category`, in order; their ids. */
export async function createPostsTitled(
  client: ApiClient,
  session: Session,
  category: string,
  titles: string[]
) {
  const ids: number[] = []
  for (const title of titles) ids.push((await createPost(client, session, category, { title })).id)
  return ids
}

export async function createComment(
  client: ApiClient,
  session: Session,
  postId: number,
  content = 'A comment'
) {
  const response = await client
    .post(`/api/v1/post/${postId}/comment`)
    .headers(session.auth)
    .json({ content })
  response.assertStatus(201)
  return response.body() as { id: number; content: string; version: number }
}
