/** The mail plugin's public entry (app/mail/public.ts), for plugin packages: queue mail from Edge templates. */
export * from '../../app/mail/public.js'
