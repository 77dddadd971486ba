import db from '@adonisjs/lucid/services/db'
import { RemoveAvatar } from '#uploads/actions/remove_avatar'

/**
 * What the uploads plugin keeps of a deleted account: its picture (personal
 * data; accounts already cleared the template) and its quota lock row. The
 * account's attachments stay with the posts and comments that carry them.
 */
export class ForgetDeletedAccount {
  async handle(userId: number) {
    await new RemoveAvatar().ofDeletedAccount(userId)
    await db.from('upload_quota_locks').where('user_id', userId).delete()
  }
}
