import type { HttpContext } from '@adonisjs/core/http'
import { AppException } from '@boardcms/plugin-kit'
import config from '#reading_time/config'
import { readingMinutes } from '#reading_time/domain/reading_time'
import { ReadingTimeStore } from '#reading_time/services/reading_time_store'

export default class ReadingTimeController {
  async show({ params }: HttpContext) {
    const postId = Number(params.id)
    const words = await ReadingTimeStore.words(postId)
    if (words === null) throw AppException.notFound('Reading time')
    const { wordsPerMinute } = config.get()
    return {
      post_id: postId,
      words,
      minutes: readingMinutes(words, wordsPerMinute),
      words_per_minute: wordsPerMinute,
    }
  }
}
