import { safeStringify } from '@poppinss/utils/json'

/**
 * The JSON serializer of every response (config/app.ts). The framework's
 * default, `safeStringify`, is written in JavaScript so that it can turn
 * BigInts into strings and drop circular references; it was the largest
 * single allocation of a list request. Native JSON.stringify gives the same
 * text for everything else, so it goes first and the safe one only runs
 * when it throws.
 */
export function serializeJson(payload: unknown): string | undefined {
  try {
    return JSON.stringify(payload)
  } catch {
    return safeStringify(payload)
  }
}
