import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import { PendingPosts } from '#board/actions/pending_posts'

/**
 * `GET /post/{id}` is public and cached (the fast lane answers hits). A post
 * waiting for approval is cached as "no such post", so everyone gets 404
 * from the cache; only then, when the request carries a bearer token, is the
 * reader authenticated here and shown the waiting post if it is theirs or
 * they are staff, uncached and `Cache-Control: private, no-store`. Null
 * otherwise (the 404 stands, also for a bad token: nothing to tell).
 */
export async function pendingForReader(ctx: HttpContext, postId: number, error: unknown) {
  if (!(error instanceof AppException) || error.status !== 404) return null
  if (!ctx.request.header('authorization')) return null
  try {
    await ctx.auth.authenticateUsing(['api', 'api_tokens'])
  } catch {
    return null
  }
  const post = await PendingPosts.showTo(apiUser(ctx.auth), postId)
  if (post) ctx.response.header('cache-control', 'private, no-store')
  return post
}
