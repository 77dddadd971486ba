import type { RecentWriters } from '#core/database/recent_writers'

/** The recent writers of this process, when read replicas are configured (the provider sets it). */
export const readYourWrites: { current: RecentWriters | null } = { current: null }
