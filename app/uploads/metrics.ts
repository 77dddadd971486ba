import { defineCounter } from '#core/metrics/define_counter'
import type { RefusalReason } from '#uploads/domain/upload_refusal'

/** Uploads on GET /metrics. */
export const uploadsStored = defineCounter({
  name: 'uploads_stored_total',
  help: 'Uploads stored, by kind',
  labelNames: ['kind'] as const,
})
export const uploadBytes = defineCounter({
  name: 'uploads_bytes_total',
  help: 'Bytes of uploads stored (after images were re-encoded)',
})
export const uploadsRefused = defineCounter<'reason'>({
  name: 'uploads_refused_total',
  help: 'Uploads refused, by reason',
  labelNames: ['reason'] as const,
})
export const uploadsPruned = defineCounter({
  name: 'uploads_pruned_total',
  help: 'Unattached uploads removed by the prune job or command',
})

export function countRefusal(reason: RefusalReason) {
  uploadsRefused.inc({ reason })
}
export const uploadsFailed = defineCounter<'stage'>({
  name: 'uploads_failed_total',
  help: 'Uploads lost to a server-side write failure (503), by stage: temp folder or disk',
  labelNames: ['stage'] as const,
})
