import { errors, type Limiter } from '@adonisjs/limiter'

/**
 * `Limiter.penalize` without its unconditional reset: the key is deleted
 * after a success only when failures were on record. A clean success (the
 * usual login) then costs one store call instead of two; a failure that
 * lands concurrently with it simply stays counted. Only errors `counts`
 * accepts are failures (a dependency being down is not the client's).
 */
export async function penalize<T>(
  limiter: Limiter,
  key: string,
  callback: () => Promise<T>,
  counts: (error: unknown) => boolean = () => true
): Promise<[InstanceType<typeof errors.E_TOO_MANY_REQUESTS>, null] | [null, T]> {
  const record = await limiter.get(key)
  if (record && record.remaining <= 0) return [new errors.E_TOO_MANY_REQUESTS(record), null]

  let result: T
  try {
    result = await callback()
  } catch (error) {
    if (!counts(error)) throw error
    const { consumed, limit } = await limiter.increment(key)
    if (consumed >= limit && limiter.blockDuration) await limiter.block(key, limiter.blockDuration)
    throw error
  }
  if (record) await limiter.delete(key)
  return [null, result]
}
