/** The webhooks plugin's public entry (app/webhooks/public.ts), for plugin packages. */
export * from '../../app/webhooks/public.js'
