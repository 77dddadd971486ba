import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import { PendingPosts } from '#board/actions/pending_posts'

/**
 * `GET /post/{id}` is public and cached (the fast lane answers hits). A post
 * waiting for approval is cached as "no such post", so everyone gets 404
 * from the cache; only then is a signed-in reader (authenticated by
 * `readerOf`) shown the waiting post if it is theirs or they are staff,
 * uncached and `Cache-Control: private, no-store`. Null otherwise (the 404
 * stands).
 */
export async function pendingForReader(ctx: HttpContext, postId: number, error: unknown) {
  if (!(error instanceof AppException) || error.status !== 404) return null
  const post = await PendingPosts.showTo(apiUser(ctx.auth), postId)
  if (post) ctx.response.header('cache-control', 'private, no-store')
  return post
}
