import { defineConfig } from '@adonisjs/auth'
import type { ApplicationService } from '@adonisjs/core/types'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'

/**
 * The guards come from the accounts plugin, imported when the auth manager
 * is first resolved: the plugin's public entry uses services (the limiter)
 * that exist only once the app has booted, after config files load.
 */
async function accounts() {
  return await import('#accounts/public')
}

/**
 * "api": bearer JWT for the JSON API (default). "api_tokens": personal API
 * tokens, also bearer, tried by the auth middleware after "api". "web":
 * session cookie for the admin panel.
 */
const authConfig = defineConfig({
  default: 'api',
  guards: {
    api: {
      resolver: async () => {
        const { jwtGuard } = await accounts()
        return jwtGuard()
      },
    },
    api_tokens: {
      resolver: async (name: string, app: ApplicationService) => {
        const { apiTokensGuard } = await accounts()
        return apiTokensGuard().resolver(name, app)
      },
    },
    web: {
      resolver: async (name: string, app: ApplicationService) => {
        const { webSessionGuard } = await accounts()
        return webSessionGuard().resolver(name, app)
      },
    },
  },
})

export default authConfig

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
