import { definePlugins } from '#core/plugins/define_plugin'
import mail from '#mail/plugin'
import accounts from '#accounts/plugin'
import uploads from '#uploads/plugin'
import board from '#board/plugin'
import wordFilter from '#word_filter/plugin'
import webhooks from '#webhooks/plugin'
import audit from '#audit/plugin'
import moderation from '#moderation/plugin'
import admin from '#admin/plugin'
import notifications from '#notifications/plugin'
// A plugin installed as an npm package (packages/reading-time, a workspace).
import readingTime from '@boardcms/plugin-reading-time'

/**
 * The plugins switched on, in load order. A plugin may depend on the
 * plugins listed above it (accounts comes first: others reference users).
 * Removing a line switches that plugin off: its routes, commands,
 * migrations and seeders go with it. Mail comes before accounts, which
 * requires it (reset and verification mails).
 */
export default definePlugins([
  mail,
  accounts,
  uploads,
  board,
  wordFilter,
  webhooks,
  audit,
  moderation,
  admin,
  notifications,
  readingTime,
])
