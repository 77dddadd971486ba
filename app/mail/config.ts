import vine from '@vinejs/vine'
import env from '#start/env'
import { definePluginConfig } from '#core/plugins/plugin_config'
import { parseMailbox } from '#mail/domain/mailbox'

/** The file mailer's sender when MAIL_FROM is unset (nothing leaves the machine). */
const DEV_FROM = 'boardcms <no-reply@localhost>'

const mailbox = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && !parseMailbox(value)) {
    field.report('Use "address@example.com" or "Name <address@example.com>"', 'mailbox', field)
  }
})

/**
 * Where mail goes and how the outbox worker runs (start/env.ts checks the
 * types, this schema the rest). `file` (the default) needs no server: each
 * mail is written under `directory` for the operator to read. `smtp` needs
 * at least SMTP_HOST and MAIL_FROM.
 */
export default definePluginConfig({
  schema: vine.object({
    mailer: vine.enum(['file', 'smtp']),
    /** The sender: an address, or "Name <address>". */
    from: vine
      .string()
      .trim()
      .maxLength(320)
      .use(mailbox())
      .optional()
      .requiredWhen('mailer', '=', 'smtp'),
    /** The file mailer's folder, relative to the app root. */
    directory: vine.string().trim().minLength(1).maxLength(500),
    smtpHost: vine.string().trim().minLength(1).optional().requiredWhen('mailer', '=', 'smtp'),
    smtpPort: vine.number().withoutDecimals().range([1, 65_535]).optional(),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    smtpSecure: vine.boolean(),
    smtpUsername: vine.string().optional(),
    smtpPassword: vine.string().optional(),
    /** Run the outbox worker in web processes (off: run fewer workers than instances, or pause). */
    worker: vine.boolean(),
    pollIntervalMs: vine.number().withoutDecimals().range([10, 3_600_000]),
    backoffBaseMs: vine.number().withoutDecimals().range([10, 86_400_000]),
    maxAttempts: vine.number().withoutDecimals().range([1, 50]),
    timeoutMs: vine.number().withoutDecimals().range([100, 120_000]),
    batchSize: vine.number().withoutDecimals().range([1, 500]),
    /** Sent and dead mails are deleted after this many days. */
    retentionDays: vine.number().withoutDecimals().range([1, 3650]),
  }),
  values: () => ({
    mailer: env.get('MAIL_MAILER') ?? 'file',
    from: env.get('MAIL_FROM') ?? (env.get('MAIL_MAILER') === 'smtp' ? undefined : DEV_FROM),
    directory: env.get('MAIL_FILE_DIR') ?? 'tmp/mail',
    smtpHost: env.get('SMTP_HOST'),
    smtpPort: env.get('SMTP_PORT'),
    smtpSecure: env.get('SMTP_SECURE') ?? false,
    smtpUsername: env.get('SMTP_USERNAME'),
    smtpPassword: env.get('SMTP_PASSWORD')?.release(),
    worker: env.get('MAIL_WORKER') ?? true,
    pollIntervalMs: env.get('MAIL_POLL_INTERVAL_MS') ?? 1000,
    backoffBaseMs: env.get('MAIL_BACKOFF_BASE_MS') ?? 30_000,
    maxAttempts: env.get('MAIL_MAX_ATTEMPTS') ?? 10,
    timeoutMs: env.get('MAIL_TIMEOUT_MS') ?? 15_000,
    batchSize: env.get('MAIL_BATCH_SIZE') ?? 10,
    retentionDays: env.get('MAIL_RETENTION_DAYS') ?? 14,
  }),
})
