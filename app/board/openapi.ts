import { defineOpenApi, empty, json, op, ref, schemas } from '#core/openapi/openapi_fragment'
import { MAX_PAGE_SIZE } from '#board/domain/page_request'

const tag = 'board'
const id = { id: schemas.id }
const paging = {
  size: {
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    description: 'Page size (default 10)',
  },
  page: { type: 'integer', minimum: 1, maximum: 100_000, description: '1-based page' },
  cursor: { type: 'string', maxLength: 200, description: 'next_cursor of the previous page' },
}
const postBody = schemas.object({ title: schemas.text(255), content: schemas.text(5000) })
const commentBody = schemas.object({ content: schemas.text(2000) })
const closed = (schema: Record<string, unknown>) => ({ ...schema, additionalProperties: false })

const postFields = {
  id: schemas.id,
  created_datetime: schemas.dateTime,
  updated_datetime: schemas.dateTime,
  category: { type: 'string' },
  user: { type: 'string', description: 'Author name, or a placeholder once deleted' },
  title: { type: 'string' },
  content: { type: 'string' },
  comment: { type: 'integer', minimum: 0 },
  vote: { type: 'integer', minimum: 0 },
}
const commentFields = {
  id: schemas.id,
  post_id: schemas.id,
  user: { type: 'string' },
  content: { type: 'string' },
  version: { type: 'integer', minimum: 1 },
  vote: { type: 'integer', minimum: 0 },
  created_datetime: schemas.dateTime,
  updated_datetime: schemas.dateTime,
}
const cursor = schemas.nullable({ type: 'string' })

/** OpenAPI of the board plugin's routes (app/board/routes.ts). */
export default defineOpenApi({
  tags: [{ name: tag, description: 'Boards, categories, posts, comments, versions and votes' }],
  paths: {
    '/api/v1/board': {
      get: op({
        tag,
        summary: 'Boards (tier-0 categories)',
        responses: { 200: json('Boards', schemas.array(ref('Category'))) },
      }),
    },
    '/api/v1/board/category': {
      get: op({
        tag,
        summary: 'Child categories of a board',
        query: { board: { type: 'string', minLength: 1, maxLength: 50, required: true } },
        responses: { 200: json('Children', schemas.array(ref('Category'))) },
        errors: [404],
      }),
    },
    '/api/v1/board/parent': {
      get: op({
        tag,
        summary: 'Parent of a category',
        query: { category: { type: 'string', minLength: 1, maxLength: 50, required: true } },
        responses: { 200: json('The parent', ref('Category')) },
        errors: [404],
      }),
    },
    '/api/v1/board/{category}': {
      get: op({
        tag,
        summary: 'Posts of a category or a whole board, newest first',
        params: { category: { type: 'string' } },
        query: {
          ...paging,
          keyword: {
            type: 'string',
            maxLength: 100,
            description:
              'Matches author name, title or content, literally (case-insensitive). On MariaDB the words of a keyword are found through the term index, which matches words by their start (case and accents folded); the total of a phrase may be a lower bound (total_relation "gte").',
          },
        },
        responses: { 200: json('A page of posts', ref('PostList')) },
        errors: [404],
      }),
      post: op({
        tag,
        summary: 'Create a post (version 1)',
        auth: true,
        params: { category: { type: 'string' } },
        body: postBody,
        responses: { 201: json('The post', ref('PostDetail')) },
        errors: [404],
      }),
    },
    '/api/v1/post/{id}': {
      get: op({
        tag,
        summary: 'A post: current version, author, category, counts',
        params: id,
        responses: { 200: json('The post', ref('PostDetail')) },
        errors: [404],
      }),
      put: op({
        tag,
        summary: 'Edit a post (author only): a new version',
        auth: true,
        params: id,
        body: postBody,
        responses: { 200: json('The post', ref('PostDetail')) },
        errors: [404],
      }),
      delete: op({
        tag,
        summary: 'Soft-delete a post (author, or moderator)',
        description: 'An author gets 409 when others have commented; moderators and admins may.',
        auth: true,
        params: id,
        responses: { 204: empty() },
        errors: [404, 409],
      }),
    },
    '/api/v1/post/{id}/restore': {
      post: op({
        tag,
        summary: 'Restore a soft-deleted post (author, or moderator)',
        auth: true,
        params: id,
        responses: { 200: json('The post', ref('PostDetail')) },
        errors: [404],
      }),
    },
    '/api/v1/post/{id}/history': {
      get: op({
        tag,
        summary: 'Versions of a post, newest first',
        params: id,
        responses: { 200: json('Versions', schemas.array(ref('PostVersion'))) },
        errors: [404],
      }),
    },
    '/api/v1/post/{id}/history/{version}/restore': {
      post: op({
        tag,
        summary: "Make an old version's text the newest version (author, or moderator)",
        auth: true,
        params: { ...id, version: { type: 'integer', minimum: 1 } },
        responses: { 200: json('The post', ref('PostDetail')) },
        errors: [404],
      }),
    },
    '/api/v1/post/{id}/download': {
      get: op({
        tag,
        summary: 'History as CSV (version, title, content, created_datetime)',
        params: id,
        responses: {
          200: {
            description: 'CSV file (Content-Disposition names it)',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
        },
        errors: [404],
      }),
    },
    '/api/v1/post/{id}/vote': {
      post: op({
        tag,
        summary: "Toggle the caller's vote on a post",
        auth: true,
        params: id,
        responses: { 200: json('The vote', ref('Vote')) },
        errors: [404],
      }),
    },
    '/api/v1/post/{id}/comment': {
      get: op({
        tag,
        summary: 'Comments of a post, oldest first',
        params: id,
        query: paging,
        responses: { 200: json('A page of comments', ref('CommentList')) },
        errors: [404],
      }),
      post: op({
        tag,
        summary: 'Comment on a post (version 1)',
        auth: true,
        params: id,
        body: commentBody,
        responses: { 201: json('The comment', ref('Comment')) },
        errors: [404],
      }),
    },
    '/api/v1/comment/{id}': {
      put: op({
        tag,
        summary: 'Edit a comment (author only): a new version',
        auth: true,
        params: id,
        body: commentBody,
        responses: { 200: json('The comment', ref('Comment')) },
        errors: [404],
      }),
      delete: op({
        tag,
        summary: 'Soft-delete a comment (author, or moderator)',
        auth: true,
        params: id,
        responses: { 204: empty() },
        errors: [404],
      }),
    },
    '/api/v1/comment/{id}/restore': {
      post: op({
        tag,
        summary: 'Restore a soft-deleted comment (author, or moderator)',
        auth: true,
        params: id,
        responses: { 200: json('The comment', ref('Comment')) },
        errors: [404],
      }),
    },
    '/api/v1/comment/{id}/history': {
      get: op({
        tag,
        summary: 'Versions of a comment, newest first',
        params: id,
        responses: { 200: json('Versions', schemas.array(ref('CommentVersion'))) },
        errors: [404],
      }),
    },
    '/api/v1/comment/{id}/vote': {
      post: op({
        tag,
        summary: "Toggle the caller's vote on a comment",
        auth: true,
        params: id,
        responses: { 200: json('The vote', ref('Vote')) },
        errors: [404],
      }),
    },
    '/api/v1/moderation/posts': {
      get: op({
        tag,
        summary: 'Soft-deleted posts, newest first (moderators and admins)',
        auth: true,
        query: paging,
        responses: { 200: json('A page of deleted posts', ref('DeletedPostList')) },
      }),
    },
    '/api/v1/moderation/comments': {
      get: op({
        tag,
        summary: 'Soft-deleted comments, newest first (moderators and admins)',
        auth: true,
        query: paging,
        responses: { 200: json('A page of deleted comments', ref('DeletedCommentList')) },
      }),
    },
  },
  schemas: {
    Category: closed(schemas.object({ id: schemas.id, name: { type: 'string' } })),
    Post: closed(schemas.object(postFields)),
    PostDetail: closed(
      schemas.object({
        ...postFields,
        version: { type: 'integer', minimum: 1 },
        user_id: schemas.id,
      })
    ),
    PostList: closed(
      schemas.object({
        total: {
          type: 'integer',
          minimum: 0,
          description:
            'Posts the filters match. Exact, except for a keyword so common that counting every match would take seconds: then the matches found so far (see total_relation).',
        },
        total_relation: {
          type: 'string',
          enum: ['eq', 'gte'],
          description: '"eq": total is exact; "gte": more posts match, total is a lower bound',
        },
        post_list: schemas.array(ref('Post')),
        next_cursor: cursor,
      })
    ),
    PostVersion: closed(
      schemas.object({
        version: { type: 'integer', minimum: 1 },
        title: { type: 'string' },
        content: { type: 'string' },
        created_datetime: schemas.dateTime,
      })
    ),
    Comment: closed(schemas.object(commentFields)),
    CommentList: closed(
      schemas.object({
        total: { type: 'integer', minimum: 0 },
        comment_list: schemas.array(ref('Comment')),
        next_cursor: cursor,
      })
    ),
    CommentVersion: closed(
      schemas.object({
        version: { type: 'integer', minimum: 1 },
        content: { type: 'string' },
        created_datetime: schemas.dateTime,
      })
    ),
    Vote: closed(
      schemas.object({ voted: { type: 'boolean' }, vote: { type: 'integer', minimum: 0 } })
    ),
    DeletedPostList: closed(
      schemas.object({
        total: { type: 'integer', minimum: 0 },
        post_list: schemas.array(
          closed(schemas.object({ ...postFields, deleted_datetime: schemas.dateTime }))
        ),
        next_cursor: cursor,
      })
    ),
    DeletedCommentList: closed(
      schemas.object({
        total: { type: 'integer', minimum: 0 },
        comment_list: schemas.array(
          closed(
            schemas.object({
              id: schemas.id,
              post_id: schemas.id,
              user_id: schemas.id,
              content: { type: 'string' },
              created_datetime: schemas.dateTime,
              deleted_datetime: schemas.dateTime,
            })
          )
        ),
        next_cursor: cursor,
      })
    ),
  },
})
