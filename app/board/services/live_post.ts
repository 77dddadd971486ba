import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Post from '#board/models/post'
import { AppException } from '#core/exceptions/app_exception'
import { forUpdate } from '#core/database/for_update'

/**
 * The post, locked for this transaction; 404 when missing or (unless allowed) deleted. `pending`:
 * a post waiting for approval (deleted until approved) is allowed too.
 */
export async function lockPost(
  trx: TransactionClientContract,
  postId: number,
  options: { deleted?: boolean; pending?: boolean } = {}
) {
  const post = await forUpdate(Post.query({ client: trx }).where('id', postId)).first()
  if (!post) throw AppException.notFound('Post')
  const allowed = options.pending && post.pending
  if (options.deleted === undefined && post.deletedAt && !allowed) {
    throw AppException.notFound('Post')
  }
  if (options.deleted === true && !post.deletedAt) throw AppException.notFound('Deleted post')
  return post
}
