import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { AuthUser } from '#accounts/public'
import { authorize } from '#core/authorization/authorize'
import { sqlNow } from '#core/database/sql_now'
import PostPolicy from '#board/policies/post_policy'
import { lockPost } from '#board/services/live_post'
import { BoardCache } from '#board/services/board_cache'

export type PostFlag = 'pinned' | 'locked'

const COLUMNS = { pinned: 'pinned_at', locked: 'locked_at' } as const

/**
 * Pin/unpin and lock/unlock a live post (moderators and admins). Setting a
 * flag already set keeps its first time (a repeated pin does not move the
 * post among the pinned); the answer is the same either way. The post's
 * detail and every list that shows it are dropped from the cache.
 */
export class ModeratePost {
  async handle(actor: AuthUser, postId: number, flag: PostFlag, on: boolean) {
    await authorize(actor, PostPolicy, 'moderate')
    const result = await db.transaction(async (trx) => {
      const post = await lockPost(trx, postId)
      const column = COLUMNS[flag]
      const wasOn = Boolean(flag === 'pinned' ? post.pinnedAt : post.lockedAt)
      if (wasOn !== on) {
        await trx
          .from('posts')
          .where('id', postId)
          .update({ [column]: on ? sqlNow() : null })
      }
      return { post, changed: wasOn !== on }
    })
    if (!result.changed) return
    await BoardCache.postChanged(result.post)
    const payload = { postId, actorId: actor.id, categoryId: result.post.categoryId }
    if (flag === 'pinned') await emitter.emit('post:pinned', { ...payload, pinned: on })
    else await emitter.emit('post:locked', { ...payload, locked: on })
  }
}
