/**
 * Nothing to bind: the manifest's fields do the wiring. The provider stays
 * as the place for bindings should the plugin need any.
 */
export default class ReadingTimeProvider {}
