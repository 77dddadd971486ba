import { defineListeners } from '@boardcms/plugin-kit'
import { countWords } from '#reading_time/domain/reading_time'
import { ReadingTimeStore } from '#reading_time/services/reading_time_store'

/** Board events, emitted after the write commits; a failure here never fails the write. */
export default defineListeners({
  'post:created': ({ postId, content }) => ReadingTimeStore.record(postId, countWords(content)),
  'post:updated': ({ postId, content }) => ReadingTimeStore.record(postId, countWords(content)),
  'post:deleted': ({ postId }) => ReadingTimeStore.setHidden(postId, true),
  'post:restored': ({ postId }) => ReadingTimeStore.setHidden(postId, false),
})
