/** The audit plugin's public entry (app/audit/public.ts), for plugin packages. */
export * from '../../app/audit/public.js'
