import plugins from '#config/plugins'

/** Whether config/plugins.ts lists the plugin (switched on). */
export function pluginListed(name: string) {
  return plugins.some((plugin) => plugin.name === name)
}

/**
 * Arguments for Japa's `skip()`: skips a test while a plugin it needs is
 * not listed in config/plugins.ts, so the remaining suite passes with any
 * optional plugin switched off. For a whole group:
 * `group.tap((t) => t.skip(...needsPlugins('board')))`.
 */
export function needsPlugins(...names: string[]): [boolean, string] {
  const off = names.filter((name) => !pluginListed(name))
  return [off.length > 0, `needs the ${off.join(' and ')} plugin, switched off`]
}
