import vine from '@vinejs/vine'
import string from '@adonisjs/core/helpers/string'
import env from '#start/env'
import { appUrl } from '#config/app'
import { definePluginConfig } from '#core/plugins/plugin_config'

/** "1h", "30m", "2d" as seconds; the text itself when it is none, so the schema names the field. */
function seconds(text: string) {
  try {
    return string.seconds.parse(text)
  } catch {
    return text
  }
}

/** Requests per minute: per member, per IP, per member younger than a day. */
const writeLimit = () =>
  vine.object({
    perUser: vine.number().withoutDecimals().range([1, 1_000_000_000]),
    perIp: vine.number().withoutDecimals().range([1, 1_000_000_000]),
    newUser: vine.number().withoutDecimals().range([1, 1_000_000_000]),
  })

const base = appUrl.replace(/\/+$/, '')

/**
 * Settings of the accounts plugin, checked at boot (docs/api.md,
 * "Password reset and email verification").
 */
export default definePluginConfig({
  schema: vine.object({
    /** The frontend's page that takes `?token=` and posts it to /user/password/reset. */
    passwordResetUrl: vine.string().url({ require_tld: false, protocols: ['http', 'https'] }),
    /** Lifetime of a reset link, in seconds (1 minute to 7 days). */
    passwordResetTtl: vine
      .number()
      .withoutDecimals()
      .range([60, 7 * 86_400]),
    /** The frontend's page that takes `?token=` and posts it to /user/email/verify. */
    emailVerifyUrl: vine.string().url({ require_tld: false, protocols: ['http', 'https'] }),
    /** Lifetime of a verification link, in seconds (1 minute to 30 days). */
    emailVerifyTtl: vine
      .number()
      .withoutDecimals()
      .range([60, 30 * 86_400]),
    /** Posting, commenting and voting answer 403 E_EMAIL_NOT_VERIFIED until the address is verified. */
    requireVerifiedEmail: vine.boolean(),
    /** Requests per minute and IP to the reset and verification endpoints. */
    resetPerIp: vine.number().withoutDecimals().range([1, 100_000]),
    /** Reset mails per hour and address. */
    resetPerAddress: vine.number().withoutDecimals().range([1, 1000]),
    /** Verification mails a signed-in user may ask for per hour. */
    verificationPerUser: vine.number().withoutDecimals().range([1, 1000]),
    /**
     * Spam limits on writes, per minute: per member, per IP, and per member for accounts
     * younger than a day (the lower of that and perUser applies to them).
     */
    writeLimits: vine.object({
      posts: writeLimit(),
      comments: writeLimit(),
      votes: writeLimit(),
      reports: writeLimit(),
    }),
  }),
  values: () => ({
    passwordResetUrl: env.get('PASSWORD_RESET_URL') ?? `${base}/reset-password`,
    passwordResetTtl: seconds(env.get('PASSWORD_RESET_TTL') ?? '1h'),
    emailVerifyUrl: env.get('EMAIL_VERIFY_URL') ?? `${base}/verify-email`,
    emailVerifyTtl: seconds(env.get('EMAIL_VERIFY_TTL') ?? '48h'),
    requireVerifiedEmail: env.get('REQUIRE_VERIFIED_EMAIL') ?? false,
    resetPerIp: env.get('RATE_LIMIT_PASSWORD_RESET_PER_IP') ?? 10,
    resetPerAddress: env.get('RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS') ?? 5,
    verificationPerUser: env.get('RATE_LIMIT_EMAIL_VERIFICATION_PER_USER') ?? 5,
    writeLimits: {
      posts: {
        perUser: env.get('RATE_LIMIT_POSTS_PER_USER') ?? 5,
        perIp: env.get('RATE_LIMIT_POSTS_PER_IP') ?? 20,
        newUser: env.get('RATE_LIMIT_NEW_USER_POSTS') ?? 2,
      },
      comments: {
        perUser: env.get('RATE_LIMIT_COMMENTS_PER_USER') ?? 20,
        perIp: env.get('RATE_LIMIT_COMMENTS_PER_IP') ?? 60,
        newUser: env.get('RATE_LIMIT_NEW_USER_COMMENTS') ?? 5,
      },
      votes: {
        perUser: env.get('RATE_LIMIT_VOTES_PER_USER') ?? 60,
        perIp: env.get('RATE_LIMIT_VOTES_PER_IP') ?? 200,
        newUser: env.get('RATE_LIMIT_NEW_USER_VOTES') ?? 20,
      },
      reports: {
        perUser: env.get('RATE_LIMIT_REPORTS_PER_USER') ?? 10,
        perIp: env.get('RATE_LIMIT_REPORTS_PER_IP') ?? 30,
        newUser: env.get('RATE_LIMIT_NEW_USER_REPORTS') ?? 3,
      },
    },
  }),
})
