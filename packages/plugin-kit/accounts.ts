/** The accounts plugin's public entry (app/accounts/public.ts), for plugin packages. */
export * from '../../app/accounts/public.js'
