import router from '@adonisjs/core/services/router'

const ReadingTimeController = () => import('#reading_time/controllers/reading_time_controller')

// Public, like the post it describes.
router
  .get('/api/v1/post/:id/reading-time', [ReadingTimeController, 'show'])
  .where('id', router.matchers.number())
