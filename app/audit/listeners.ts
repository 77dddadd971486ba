import { defineListeners } from '#core/plugins/plugin_listeners'
import { recordAudit } from '#audit/services/record_audit'

/**
 * Moderation and administration acts, from the events the board, accounts
 * and uploads plugins emit. Ordinary writing (new posts, edits, votes) is the
 * content's own history, not audit material; a version restore is.
 */
export default defineListeners({
  'post:deleted': ({ postId, actorId }) =>
    recordAudit({ actorId, action: 'post.deleted', resourceType: 'post', resourceId: postId }),
  'post:restored': ({ postId, actorId }) =>
    recordAudit({ actorId, action: 'post.restored', resourceType: 'post', resourceId: postId }),
  'post:pinned': ({ postId, actorId, pinned }) =>
    recordAudit({
      actorId,
      action: pinned ? 'post.pinned' : 'post.unpinned',
      resourceType: 'post',
      resourceId: postId,
    }),
  'post:locked': ({ postId, actorId, locked }) =>
    recordAudit({
      actorId,
      action: locked ? 'post.locked' : 'post.unlocked',
      resourceType: 'post',
      resourceId: postId,
    }),
  'post:updated': async ({ postId, userId, version, restoredFromVersion }) => {
    if (restoredFromVersion === null) return
    await recordAudit({
      actorId: userId,
      action: 'post.version_restored',
      resourceType: 'post',
      resourceId: postId,
      details: { restoredFromVersion, newVersion: version },
    })
  },
  'comment:deleted': ({ commentId, postId, actorId }) =>
    recordAudit({
      actorId,
      action: 'comment.deleted',
      resourceType: 'comment',
      resourceId: commentId,
      details: { postId },
    }),
  'comment:restored': ({ commentId, postId, actorId }) =>
    recordAudit({
      actorId,
      action: 'comment.restored',
      resourceType: 'comment',
      resourceId: commentId,
      details: { postId },
    }),
  'user:role-changed': ({ userId, role, actorId }) =>
    recordAudit({
      actorId,
      action: 'user.role_changed',
      resourceType: 'user',
      resourceId: userId,
      details: { role },
    }),
  'user:blocked': ({ userId, reason, actorId }) =>
    recordAudit({
      actorId,
      action: 'user.blocked',
      resourceType: 'user',
      resourceId: userId,
      details: { reason },
    }),
  'user:unblocked': ({ userId, actorId }) =>
    recordAudit({ actorId, action: 'user.unblocked', resourceType: 'user', resourceId: userId }),
  'user:deleted': ({ userId, actorId }) =>
    recordAudit({ actorId, action: 'user.deleted', resourceType: 'user', resourceId: userId }),
  // Staff removing someone else's upload; members deleting their own are not audit material.
  'upload:deleted': async ({ uploadId, userId, actorId }) => {
    if (actorId === userId) return
    await recordAudit({
      actorId,
      action: 'upload.deleted',
      resourceType: 'upload',
      resourceId: uploadId,
      details: { uploaderId: userId },
    })
  },
  // The approval queue's decisions (the moderation plugin's, through the board).
  'post:approved': ({ postId, userId, actorId }) =>
    recordAudit({
      actorId,
      action: 'post.approved',
      resourceType: 'post',
      resourceId: postId,
      details: { authorId: userId },
    }),
  'post:rejected': ({ postId, userId, actorId, reason }) =>
    recordAudit({
      actorId,
      action: 'post.rejected',
      resourceType: 'post',
      resourceId: postId,
      details: { authorId: userId, reason },
    }),
  // The moderation plugin's decisions on reported content.
  'report:resolved': ({
    caseId,
    targetType,
    targetId,
    action,
    note,
    reportIds,
    authorId,
    actorId,
  }) =>
    recordAudit({
      actorId,
      action: `report.${action}`,
      resourceType: targetType,
      resourceId: targetId,
      details: { caseId, reportIds, authorId, note },
    }),
  'category:changed': ({ categoryId, action, name, actorId, permissions }) =>
    recordAudit({
      actorId,
      action: `category.${action}`,
      resourceType: 'category',
      resourceId: categoryId,
      details: permissions ? { name, permissions } : { name },
    }),
})
