import { defineCounter } from '#core/metrics/define_counter'

/** Board activity on GET /metrics, counted from the board's events (listeners.ts). */
export const postsCreated = defineCounter({
  name: 'board_posts_created_total',
  help: 'Posts created',
})
export const commentsCreated = defineCounter({
  name: 'board_comments_created_total',
  help: 'Comments created',
})
export const votesToggled = defineCounter({
  name: 'board_votes_total',
  help: 'Votes cast and taken back, by target',
  labelNames: ['target', 'direction'] as const,
})
