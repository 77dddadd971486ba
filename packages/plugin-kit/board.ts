/** The board plugin's public entry (app/board/public.ts), for plugin packages. */
export * from '../../app/board/public.js'
