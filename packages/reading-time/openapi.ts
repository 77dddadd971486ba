import { defineOpenApi, route, schemas, shape } from '@boardcms/plugin-kit'

/** The answer of GET /post/{id}/reading-time (the controller builds it). */
interface ReadingTime {
  post_id: number
  words: number
  minutes: number
  words_per_minute: number
}

export default defineOpenApi({
  prefix: '/api/v1',
  tag: {
    name: 'reading-time',
    description: 'How long a post takes to read (plugin package @boardcms/plugin-reading-time)',
  },
  params: { id: schemas.id },
  routes: {
    'GET /post/{id}/reading-time': route('How long a post takes to read', {
      description:
        'Counted from the text of the current version when the post is written. 404 for a ' +
        'deleted post, and for one written before the plugin was installed.',
      200: 'ReadingTime',
    }),
  },
  schemas: {
    ReadingTime: shape<ReadingTime>({
      post_id: schemas.id,
      words: schemas.count,
      minutes: schemas.count,
      words_per_minute: { type: 'integer', minimum: 50, maximum: 1000 },
    }),
  },
})
