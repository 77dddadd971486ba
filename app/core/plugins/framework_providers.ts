/**
 * Framework providers plugins declare in `frameworkProviders`, as shared
 * constants: a manifest cannot import the providers themselves (it is read
 * before the app exists). `frameworkProvidersOf` registers each one once.
 */
export const edgeProvider = () => import('@adonisjs/core/providers/edge_provider')
