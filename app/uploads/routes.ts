import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { throttleUploads } from '#uploads/limiters'

const UploadsController = () => import('#uploads/controllers/uploads_controller')
const UploadFilesController = () => import('#uploads/controllers/upload_files_controller')
const AvatarsController = () => import('#uploads/controllers/avatars_controller')
const AvatarFilesController = () => import('#uploads/controllers/avatar_files_controller')

router
  .group(() => {
    router.post('/uploads', [UploadsController, 'store']).use(throttleUploads)
    router.get('/uploads/:id', [UploadsController, 'show']).where('id', router.matchers.number())
    router
      .delete('/uploads/:id', [UploadsController, 'destroy'])
      .where('id', router.matchers.number())
    // The member's picture: the same per-member limit as uploads.
    router.put('/user/avatar', [AvatarsController, 'update']).use(throttleUploads)
    router.delete('/user/avatar', [AvatarsController, 'destroy']).use(throttleUploads)
  })
  .prefix('/api/v1')
  .use(middleware.auth())

// The files: anyone with the URL (its public id is random), like the images of a post.
router.get('/uploads/:file', [UploadFilesController, 'show'])
router.get('/uploads/avatars/:avatar/:file', [AvatarFilesController, 'show'])
