/**
 * The board plugin's public entry: the only file other plugins may import
 * (ESLint enforces it). Everything else in app/board is private and may
 * change without notice. Events (`post:created`, ...) and content hook
 * points (`post:creating`, ...) are typed by the imports below.
 */
import '#board/events/board_events'
import '#board/events/content_hook_points'

// Actions other plugins may run; each checks who may do it.
export { CreatePost } from '#board/actions/create_post'
export { EditPost } from '#board/actions/edit_post'
export { DeletePost } from '#board/actions/delete_post'
export { CommentWrites } from '#board/actions/comment_writes'
export { ManageCategories } from '#board/actions/manage_categories'

// The extension point of content: extra input on writes (in the transaction), extra JSON fields.
export {
  contentExtensions,
  MAX_ATTACHMENTS,
  type ContentExtension,
  type ContentExtensions,
  type ContentKind,
  type ContentVersionRef,
  type ContentWrite,
} from '#board/services/content_extensions'

// The category tree (cached; `fresh()` after a change made elsewhere).
export { CategoryTreeCache } from '#board/services/category_tree_cache'
export type { CategoryTree, CategoryNode } from '#board/domain/category_tree'
// Category permissions (who may read, post, comment): what other plugins show a member.
export { CategoryAccess } from '#board/services/category_access'
export {
  ACCESS_LEVELS,
  ACCESS_RIGHTS,
  type AccessLevel,
  type AccessRight,
  type Access,
  type OwnAccess,
} from '#board/domain/category_access'

// Read models: other plugins never name the board's tables.
export {
  StaffContent,
  type StaffContentFilter,
  type StaffPost,
  type StaffPostVersion,
  type StaffComment,
} from '#board/queries/staff_content'
export { boardStats } from '#board/queries/board_stats'
// Posts and comments by id, deleted ones flagged: for plugins acting on board events.
export { ContentFacts, type PostFacts, type CommentFacts } from '#board/queries/content_facts'

// Moderation (reports): hide, show again or delete a post or comment in the caller's transaction.
export {
  ModerateContent,
  type ModeratedKind,
  type ModeratedTarget,
} from '#board/actions/moderate_content'

// The approval queue (the moderation plugin's NEW_USER_APPROVAL_POSTS): the rule that holds a
// new post, the waiting posts, and approving or rejecting one in the caller's transaction.
export { postApproval, type ApprovalRule } from '#board/services/post_approval'
export {
  PendingPosts,
  type DecidedPost,
  type PostStatus,
  type PostWithStatus,
} from '#board/actions/pending_posts'
