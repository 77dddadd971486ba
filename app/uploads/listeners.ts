import { defineListeners } from '#core/plugins/plugin_listeners'
import { AttachmentVisibility } from '#uploads/services/attachment_visibility'

/**
 * The board's events (emitted after commit; never fired while the board is
 * off): deleted content hides its attachments' files from strangers,
 * restored content shows them again.
 */
export default defineListeners({
  'post:deleted': ({ postId }) => AttachmentVisibility.hide('post', postId),
  'post:restored': ({ postId }) => AttachmentVisibility.show('post', postId),
  'comment:deleted': ({ commentId }) => AttachmentVisibility.hide('comment', commentId),
  'comment:restored': ({ commentId }) => AttachmentVisibility.show('comment', commentId),
})
