import { defineOpenApi, json, route, schemas, shape, text } from '#core/openapi/openapi_fragment'
import * as v from '#board/validators/board_validators'
import { postShapes } from '#board/transformers/post_json'
import { commentShape } from '#board/transformers/comment_json'
import type { PostList } from '#board/actions/list_posts'
import type { TagCount } from '#board/actions/list_tags'
import type { CommentList } from '#board/actions/list_member_content'
import { contentExtensions } from '#board/services/content_extensions'

/** A shape with the fields plugins add (optional: a plugin switched off adds none). */
const withPluginFields = (schema: { properties?: object }) => ({
  ...schema,
  properties: { ...contentExtensions.schemas(), ...schema.properties },
})

const { id, count, string, dateTime, nullable, ref } = schemas
const auth = true
const paging = {
  size: 'Page size (default 10)',
  page: '1-based page',
  cursor: 'next_cursor of the previous page',
}
const keyword =
  'Matches author name, title or content, literally (case-insensitive). On MariaDB the words of a keyword are found through the term index, which matches words by their start (case and accents folded); the total of a phrase may be a lower bound (total_relation "gte").'
const attachmentsNote =
  "Ids of the caller's uploads (at most 10, duplicates dropped), stored with the version by the uploads plugin: 403 E_FORBIDDEN for another member's upload (unless the previous version has it), 422 for an unknown id, and 422 when no plugin stores attachments."

/** Public reads: who may read a category decides (docs/board.md, "Category permissions"). */
const readNote =
  'Public; an optional Authorization bearer (a JWT or an API token) identifies the caller, whose category permissions apply (401 for a bearer that does not authenticate). What the caller may not read is 404, as if it did not exist.'
const boolean = { type: 'boolean' }

const tagsNote =
  'The post\'s tags (not a version\'s): lower-cased, duplicates dropped, at most 5; each letters, digits, - and _, at most 30; with BOARD_TAGS set, only those (422, field "tags", otherwise).'

/** A page of a list: how many in all, this page's items, the cursor of the next page. */
const page = (list: string, items: object) => ({
  total: count,
  [list]: { type: 'array', items },
  next_cursor: nullable(string),
})

/** POST /post/{id}/pin|unpin|lock|unlock (moderators and admins). */
function moderationRoutes() {
  const acts = {
    pin: "Pin a post: first on its category's first page (moderators)",
    unpin: 'Unpin a post (moderators)',
    lock: 'Lock a post: no new comments or votes, edits by moderators only (moderators)',
    unlock: 'Unlock a post (moderators)',
  }
  return Object.fromEntries(
    Object.entries(acts).map(([act, summary]) => [
      `POST /post/{id}/${act}`,
      route(summary, {
        description: 'Idempotent: setting what is already set changes nothing. Audited.',
        auth,
        200: 'PostDetail',
      }),
    ])
  )
}

/** OpenAPI of the board plugin's routes (app/board/routes.ts). */
export default defineOpenApi({
  prefix: '/api/v1',
  tag: { name: 'board', description: 'Boards, categories, posts, comments, versions and votes' },
  params: { id, version: id, name: { type: 'string', minLength: 1, maxLength: 100 } },
  routes: {
    'GET /board': route('Boards (tier-0 categories) the caller may read', {
      description: `${readNote} Each with what the caller may do in it.`,
      200: 'Category[]',
      errors: [401],
    }),
    'GET /board/category': route('Child categories of a board the caller may read', {
      description: `${readNote} Each with what the caller may do in it.`,
      query: v.boardNameValidator,
      200: 'Category[]',
      errors: [401, 404],
    }),
    'GET /board/parent': route('Parent of a category', {
      description: readNote,
      query: v.categoryNameValidator,
      200: 'Category',
      errors: [401, 404],
    }),
    'GET /board/{category}': route('Posts of a category or a whole board, newest first or sorted', {
      description:
        readNote +
        " A board's list leaves out its subcategories the caller may not read; `total` counts what the caller sees." +
        " The category's own pinned posts (at most 20, newest pin first) head the first page, in addition to `size` others, and are left out of the pages after it; `total` counts them. Pins head sort=latest and sort=activity, not sort=top nor keyword lists.",
      query: v.listPostsValidator,
      notes: {
        ...paging,
        keyword: `${keyword} Newest first only: with another sort, 422 (field "sort").`,
        sort: "latest (default): newest first. activity: by the newest live comment, else the post's creation (activity_datetime). top: most votes first, the newer post first on a tie. Cursors are the sort's own (another sort's answers 422).",
        tag: 'Only posts with this tag (case-insensitive), newest first: not with keyword (422, field "tag") nor another sort (422, field "sort"); total counts them exactly.',
        period:
          "With sort=top only (422 otherwise): posts written in the last day, week (7 days) or month (30 days), or all (default); total counts the period's posts.",
      },
      200: 'PostList',
      errors: [401],
    }),
    'GET /tags': route('Tags starting with a prefix, most used first, with their counts', {
      description:
        'At most 50. With BOARD_TAGS set, allowed tags no post carries yet follow with count 0. Counts are of the live posts the caller may read (category permissions; an optional bearer identifies the caller).',
      query: v.tagPrefixValidator,
      notes: { prefix: 'Lower-case letters, digits, - and _ (case-insensitive); empty: all tags' },
      200: 'TagCount[]',
      errors: [401],
    }),
    'POST /board/{category}': route('Create a post (version 1)', {
      description:
        '404 for a category the caller may not read; 403 E_CATEGORY_POST_FORBIDDEN where the category does not let the caller post. ' +
        "With the moderation plugin's NEW_USER_APPROVAL_POSTS, a new member's post waits for a " +
        'moderator: 202 with status "pending", seen by its author and staff only until approved ' +
        '(docs/moderation.md, "The approval queue").',
      notes: { attachments: attachmentsNote, tags: tagsNote },
      auth,
      body: v.postValidator,
      201: 'PostDetail',
      202: json('Held for approval (status "pending")', ref('PostWithStatus')),
    }),
    'GET /post/{id}': route('A post: current version, author, category, counts', {
      description:
        `${readNote} A post waiting for approval is 404 to everyone but its author and staff, ` +
        'who get it with status "pending" when they send their bearer token (never cached).',
      200: json(
        'The post (PostDetail), or a waiting post (PostWithStatus) for its author or staff',
        {
          oneOf: [ref('PostDetail'), ref('PostWithStatus')],
        }
      ),
      errors: [401],
    }),
    'PUT /post/{id}': route('Edit a post (author only): a new version', {
      description:
        'A locked post only moderators and admins edit: the author gets 423 E_LOCKED. The author ' +
        'may edit a post waiting for approval: answered with status "pending" (PostWithStatus).',
      errors: [423],
      notes: {
        attachments: `${attachmentsNote} Left out, the previous version's are kept; [] removes them.`,
        tags: `${tagsNote} Left out, the post keeps its tags; [] removes them.`,
      },
      auth,
      body: v.postValidator,
      200: json('The post at its new version (PostDetail), or a waiting post (PostWithStatus)', {
        oneOf: [ref('PostDetail'), ref('PostWithStatus')],
      }),
    }),
    'DELETE /post/{id}': route('Soft-delete a post (author, or moderator)', {
      description: 'An author gets 409 when others have commented; moderators and admins may.',
      auth,
      204: null,
      errors: [409],
    }),
    'POST /post/{id}/restore': route('Restore a soft-deleted post (author, or moderator)', {
      auth,
      200: 'PostDetail',
    }),
    'GET /post/{id}/history': route('Versions of a post, newest first', {
      description: readNote,
      200: 'PostVersion[]',
      errors: [401],
    }),
    'POST /post/{id}/history/{version}/restore': route(
      "Make an old version's text the newest version (author, or moderator)",
      {
        description: 'On a locked post, moderators only (423 E_LOCKED).',
        auth,
        200: 'PostDetail',
        errors: [423],
      }
    ),
    'GET /post/{id}/download': route('History as CSV (version, title, content, created_datetime)', {
      description: readNote,
      200: text('text/csv', 'CSV file (Content-Disposition names it)'),
      errors: [401],
    }),
    'POST /post/{id}/vote': route("Toggle the caller's vote on a post", {
      description:
        'A locked post takes no votes: 423 E_LOCKED. A post the caller may not read: 404.',
      auth,
      200: 'Vote',
      errors: [423],
    }),
    ...moderationRoutes(),
    'GET /post/{id}/comment': route('Comments of a post, oldest first', {
      description: readNote,
      query: v.pageValidator,
      notes: paging,
      200: 'CommentList',
      errors: [401],
    }),
    'POST /post/{id}/comment': route('Comment on a post (version 1)', {
      description:
        'A locked post takes no comments: 423 E_LOCKED. 404 for a post the caller may not read; 403 E_CATEGORY_COMMENT_FORBIDDEN where its category does not let the caller comment.',
      errors: [423],
      notes: { attachments: attachmentsNote },
      auth,
      body: v.newCommentValidator,
      201: 'Comment',
    }),
    'PUT /comment/{id}': route('Edit a comment (author only): a new version', {
      notes: {
        attachments: `${attachmentsNote} Left out, the previous version's are kept; [] removes them.`,
      },
      auth,
      body: v.commentValidator,
      200: 'Comment',
    }),
    'DELETE /comment/{id}': route('Soft-delete a comment (author, or moderator)', {
      auth,
      204: null,
    }),
    'POST /comment/{id}/restore': route('Restore a soft-deleted comment (author, or moderator)', {
      auth,
      200: 'Comment',
    }),
    'GET /comment/{id}/history': route('Versions of a comment, newest first', {
      description: readNote,
      200: 'CommentVersion[]',
      errors: [401],
    }),
    'POST /comment/{id}/vote': route("Toggle the caller's vote on a comment", {
      description:
        'The comments of a locked post take no votes: 423 E_LOCKED. A post the caller may not read: 404.',
      errors: [423],
      auth,
      200: 'Vote',
    }),
    'GET /users/{name}/posts': route("A member's live posts, newest first", {
      description:
        'Paged like GET /board/{category}. 404 for an unknown, blocked, deactivated or deleted member. Leaves out posts in categories the caller may not read (`total` counts what the caller sees); an optional bearer identifies the caller.',
      query: v.pageValidator,
      notes: paging,
      200: 'PostList',
      errors: [401],
    }),
    'GET /users/{name}/comments': route("A member's live comments on live posts, newest first", {
      description:
        'Paged like the other lists. 404 for an unknown, blocked, deactivated or deleted member. Leaves out comments on posts in categories the caller may not read (`total` counts what the caller sees); an optional bearer identifies the caller.',
      query: v.pageValidator,
      notes: paging,
      200: 'CommentList',
      errors: [401],
    }),
    'GET /moderation/posts': route('Soft-deleted posts, newest first (moderators and admins)', {
      auth,
      query: v.pageValidator,
      notes: paging,
      200: 'DeletedPostList',
    }),
    'GET /moderation/comments': route(
      'Soft-deleted comments, newest first (moderators and admins)',
      { auth, query: v.pageValidator, notes: paging, 200: 'DeletedCommentList' }
    ),
  },
  // Getters: plugins register their fields in their providers' start(), before the
  // document is built.
  schemas: {
    ...postShapes,
    get PostDetail() {
      return withPluginFields(postShapes.PostDetail)
    },
    get PostWithStatus() {
      return withPluginFields(postShapes.PostWithStatus)
    },
    Category: shape({
      id,
      name: string,
      permissions: {
        ...shape({ read: boolean, post: boolean, comment: boolean }),
        description:
          'What the caller may do in the category (category permissions after inheritance). post and comment are false for an anonymous caller; they say nothing of other refusals (a blocked account, an unverified email, a locked post).',
      },
    }),
    PostList: shape<PostList>({
      total: {
        ...count,
        description:
          'Posts the filters match. Exact, except for a keyword so common that counting every match would take seconds: then the matches found so far (see total_relation).',
      },
      total_relation: {
        ...string,
        enum: ['eq', 'gte'],
        description: '"eq": total is exact; "gte": more posts match, total is a lower bound',
      },
      post_list: ref('Post[]'),
      next_cursor: nullable(string),
    }),
    get PostVersion() {
      return withPluginFields(
        shape({ version: id, title: string, content: string, created_datetime: dateTime })
      )
    },
    get Comment() {
      return withPluginFields(commentShape)
    },
    CommentList: shape<CommentList>({
      total: count,
      comment_list: ref('Comment[]'),
      next_cursor: nullable(string),
    }),
    get CommentVersion() {
      return withPluginFields(shape({ version: id, content: string, created_datetime: dateTime }))
    },
    Vote: shape({ voted: { type: 'boolean' }, vote: count }),
    TagCount: shape<TagCount>({
      name: string,
      count: { ...count, description: 'Live posts with the tag' },
    }),
    DeletedPostList: shape(
      page('post_list', shape({ ...postShapes.Post.properties, deleted_datetime: dateTime }))
    ),
    DeletedCommentList: shape(
      page(
        'comment_list',
        shape({
          id,
          post_id: id,
          user_id: id,
          content: string,
          created_datetime: dateTime,
          deleted_datetime: dateTime,
        })
      )
    ),
  },
})
