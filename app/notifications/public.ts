/**
 * The notifications plugin's public entry. Nothing is called from outside:
 * the plugin listens to the board's events. The kinds are exported for
 * plugins that show or count them.
 */
export {
  NOTIFICATION_KINDS,
  CHANNELS,
  type NotificationKind,
  type Channel,
} from '#notifications/domain/notification_kinds'
