import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { throttleUploads } from '#uploads/limiters'

const UploadsController = () => import('#uploads/controllers/uploads_controller')
const UploadFilesController = () => import('#uploads/controllers/upload_files_controller')

router
  .group(() => {
    router.post('/uploads', [UploadsController, 'store']).use(throttleUploads)
    router.get('/uploads/:id', [UploadsController, 'show']).where('id', router.matchers.number())
    router
      .delete('/uploads/:id', [UploadsController, 'destroy'])
      .where('id', router.matchers.number())
  })
  .prefix('/api/v1')
  .use(middleware.auth())

// The files: anyone with the URL (its public id is random), like the images of a post.
router.get('/uploads/:file', [UploadFilesController, 'show'])
