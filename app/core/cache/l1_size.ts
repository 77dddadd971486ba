/**
 * The in-process cache's size (CACHE_MEMORY_MAX_MB when set): chosen from
 * the entry sizes measured in docs/performance.md, "Cache size", so that
 * the posts and list pages a typical board reads fit.
 */
export const DEFAULT_CACHE_MEMORY_MAX_MB = 64

/**
 * Bytes per entry slot. The memory driver caps the number of entries as
 * well as their bytes, by default far below what the bytes hold, and the
 * LRU allocates its bookkeeping per slot up front: a slot per this many
 * bytes lets entries of half a post's detail fill the size.
 */
const BYTES_PER_SLOT = 512

/** Options of bentocache's memory driver for a cache of `megabytes`. */
export function l1Size(megabytes: number) {
  return {
    maxSize: `${megabytes}mb`,
    maxItems: Math.ceil((megabytes * 1024 * 1024) / BYTES_PER_SLOT),
  }
}
