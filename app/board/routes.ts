import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { fastLane } from '#core/http/fast_lane'
import { ReadPost } from '#board/actions/read_post'
import { throttleWrites } from '#accounts/public'

const BoardController = () => import('#board/controllers/board_controller')
const PostController = () => import('#board/controllers/post_controller')
const CommentController = () => import('#board/controllers/comment_controller')
const ModerationController = () => import('#board/controllers/moderation_controller')
const MemberController = () => import('#board/controllers/member_controller')

const id = { id: router.matchers.number() }

router
  .group(() => {
    // Reads are public.
    router.get('/board', [BoardController, 'boards'])
    router.get('/board/category', [BoardController, 'children'])
    router.get('/board/parent', [BoardController, 'parent'])
    router.get('/board/:category', [BoardController, 'list'])
    router.get('/tags', [BoardController, 'tags'])
    // Cache hits are answered by the fast lane (registered below), misses here.
    router.get('/post/:id', [PostController, 'show']).where('id', id.id)
    router.get('/post/:id/history', [PostController, 'history']).where('id', id.id)
    router.get('/post/:id/download', [PostController, 'download']).where('id', id.id)
    router.get('/post/:id/comment', [CommentController, 'index']).where('id', id.id)
    router.get('/comment/:id/history', [CommentController, 'history']).where('id', id.id)
    // A member's content; the profile, GET /users/:name, is the accounts plugin's.
    router.get('/users/:name/posts', [MemberController, 'posts'])
    router.get('/users/:name/comments', [MemberController, 'comments'])

    // Writes need a token; who may do what is decided in the actions. Creating content and
    // voting have spam limits (per member, per IP, new accounts; staff exempt).
    router
      .group(() => {
        router.post('/board/:category', [BoardController, 'store']).use(throttleWrites('posts'))
        router.put('/post/:id', [PostController, 'update']).where('id', id.id)
        router.delete('/post/:id', [PostController, 'destroy']).where('id', id.id)
        router.post('/post/:id/restore', [PostController, 'restore']).where('id', id.id)
        router
          .post('/post/:id/history/:version/restore', [PostController, 'restoreVersion'])
          .where('id', id.id)
          .where('version', router.matchers.number())
        router
          .post('/post/:id/vote', [PostController, 'vote'])
          .where('id', id.id)
          .use(throttleWrites('votes'))
        // Moderators and admins: pin to the top of the category, lock against comments and votes.
        router.post('/post/:id/pin', [PostController, 'pin']).where('id', id.id)
        router.post('/post/:id/unpin', [PostController, 'unpin']).where('id', id.id)
        router.post('/post/:id/lock', [PostController, 'lock']).where('id', id.id)
        router.post('/post/:id/unlock', [PostController, 'unlock']).where('id', id.id)
        router
          .post('/post/:id/comment', [CommentController, 'store'])
          .where('id', id.id)
          .use(throttleWrites('comments'))
        router.put('/comment/:id', [CommentController, 'update']).where('id', id.id)
        router.delete('/comment/:id', [CommentController, 'destroy']).where('id', id.id)
        router.post('/comment/:id/restore', [CommentController, 'restore']).where('id', id.id)
        router
          .post('/comment/:id/vote', [CommentController, 'vote'])
          .where('id', id.id)
          .use(throttleWrites('votes'))

        // Moderators and admins: soft-deleted content.
        router.get('/moderation/posts', [ModerationController, 'deletedPosts'])
        router.get('/moderation/comments', [ModerationController, 'deletedComments'])
      })
      .use(middleware.auth())
  })
  .prefix('/api/v1')

// The most read answer of a board, the same for every reader: its reads skip the middleware
// pipeline, misses too (read and cached as the controller does). Only posts everyone may read
// (category permissions): the rest go to the controller.
const readPost = new ReadPost()
fastLane.register({
  pattern: '/api/v1/post/:id',
  url: /^\/api\/v1\/post\/(\d{1,15})$/,
  lookup: (match) => readPost.publicDetail(Number(match[1])),
})
