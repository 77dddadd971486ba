import { SetAvatarTemplate } from '#accounts/public'
import UserAvatar from '#uploads/models/user_avatar'
import { avatarKeys } from '#uploads/domain/avatar_sizes'
import { deleteFiles } from '#uploads/actions/delete_upload'

/**
 * Removes a member's picture: the account's template cleared and the row
 * deleted in one transaction, then the files. Nothing happens (and nothing
 * is invalidated) when the member has none.
 */
export class RemoveAvatar {
  async handle(userId: number) {
    if (!(await UserAvatar.findBy('userId', userId))) return
    let removed: string | undefined
    try {
      await new SetAvatarTemplate().handle(userId, null, async (trx) => {
        const old = await UserAvatar.query({ client: trx }).where('user_id', userId).first()
        if (!old) return
        await old.useTransaction(trx).delete()
        // The files go once the row is gone for good, even when dropping the caches then fails.
        trx.after('commit', () => {
          removed = old.publicId
        })
      })
    } finally {
      if (removed) await deleteFiles(avatarKeys(removed))
    }
  }

  /** A deleted account (its template is already cleared): the row and files go. */
  async ofDeletedAccount(userId: number) {
    const avatar = await UserAvatar.findBy('userId', userId)
    if (!avatar) return
    await avatar.delete()
    await deleteFiles(avatarKeys(avatar.publicId))
  }
}
