/** The default export of a manifest's lazy `() => import(...)` field. */
export async function loadDefault<T>(lazy: () => Promise<{ default: T }>): Promise<T> {
  const module = await lazy()
  return module.default
}
