import vine from '@vinejs/vine'
import env from '#start/env'
import { definePluginConfig } from '#core/plugins/plugin_config'

/** Worker settings (start/env.ts checks the types, this schema the ranges). */
export default definePluginConfig({
  schema: vine.object({
    /** Run the delivery worker in web processes (off: run it elsewhere, or pause it). */
    worker: vine.boolean(),
    pollIntervalMs: vine.number().withoutDecimals().range([10, 3_600_000]),
    backoffBaseMs: vine.number().withoutDecimals().range([10, 86_400_000]),
    maxAttempts: vine.number().withoutDecimals().range([1, 50]),
    timeoutMs: vine.number().withoutDecimals().range([100, 120_000]),
    /** Consecutive failed attempts after which a subscription is switched off. */
    disableAfter: vine.number().withoutDecimals().range([1, 10_000]),
    batchSize: vine.number().withoutDecimals().range([1, 500]),
    /** Loopback, private and link-local targets (refused by default: SSRF). */
    allowPrivateTargets: vine.boolean(),
  }),
  values: () => ({
    worker: env.get('WEBHOOK_WORKER') ?? true,
    pollIntervalMs: env.get('WEBHOOK_POLL_INTERVAL_MS') ?? 1000,
    backoffBaseMs: env.get('WEBHOOK_BACKOFF_BASE_MS') ?? 10_000,
    maxAttempts: env.get('WEBHOOK_MAX_ATTEMPTS') ?? 8,
    timeoutMs: env.get('WEBHOOK_TIMEOUT_MS') ?? 10_000,
    disableAfter: env.get('WEBHOOK_DISABLE_AFTER') ?? 50,
    batchSize: env.get('WEBHOOK_BATCH_SIZE') ?? 20,
    allowPrivateTargets: env.get('WEBHOOK_ALLOW_PRIVATE_TARGETS') ?? false,
  }),
})
