import '#moderation/events/moderation_events'

/** Nothing to bind: the routes call the actions, the events are typed by the import. */
export default class ModerationProvider {}
