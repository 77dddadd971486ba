import { defineListeners } from '#core/plugins/plugin_listeners'
import { ForgetDeletedAccount } from '#uploads/actions/forget_deleted_account'
import { AttachmentVisibility } from '#uploads/services/attachment_visibility'

export default defineListeners({
  // A deleted account's picture is personal data: accounts cleared the template, the files go here.
  'user:deleted': ({ userId }) => new ForgetDeletedAccount().handle(userId),
  // The board's events (emitted after commit; never fired while the board is off): deleted
  // content hides its attachments' files from strangers, restored content shows them again.
  'post:deleted': ({ postId }) => AttachmentVisibility.hide('post', postId),
  'post:restored': ({ postId }) => AttachmentVisibility.show('post', postId),
  'comment:deleted': ({ commentId }) => AttachmentVisibility.hide('comment', commentId),
  'comment:restored': ({ commentId }) => AttachmentVisibility.show('comment', commentId),
  // Content moderation hid (members' reports) or showed again.
  'content:visibility-changed': ({ kind, id, visible }) =>
    visible ? AttachmentVisibility.show(kind, id) : AttachmentVisibility.hide(kind, id),
})
