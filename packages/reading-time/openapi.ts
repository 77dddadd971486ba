import { defineOpenApi, json, op, ref, schemas } from '@boardcms/plugin-kit'

const count = { type: 'integer', minimum: 0 }

export default defineOpenApi({
  tags: [
    {
      name: 'reading-time',
      description: 'How long a post takes to read (plugin package @boardcms/plugin-reading-time)',
    },
  ],
  paths: {
    '/api/v1/post/{id}/reading-time': {
      get: op({
        tag: 'reading-time',
        summary: 'How long a post takes to read',
        description:
          'Counted from the text of the current version when the post is written. 404 for a ' +
          'deleted post, and for one written before the plugin was installed.',
        params: { id: schemas.id },
        responses: { 200: json('The reading time', ref('ReadingTime')) },
        errors: [404],
      }),
    },
  },
  schemas: {
    ReadingTime: schemas.object({
      post_id: schemas.id,
      words: count,
      minutes: count,
      words_per_minute: { type: 'integer', minimum: 50, maximum: 1000 },
    }),
  },
})
