/**
 * First-run set-up, safe to repeat: creates tmp/ (SQLite needs the folder)
 * and, outside tests, a .env from .env.example with a fresh APP_KEY.
 * Run by `npm start`, `npm run dev` and `npm test`.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'

const root = new URL('../', import.meta.url)
mkdirSync(new URL('tmp/', root), { recursive: true })

if (!process.argv.includes('--test')) {
  const envFile = new URL('.env', root)
  let contents = existsSync(envFile)
    ? readFileSync(envFile, 'utf8')
    : readFileSync(new URL('.env.example', root), 'utf8')
  if (!/^APP_KEY=\S+/m.test(contents)) {
    const key = randomBytes(32).toString('base64url')
    contents = /^APP_KEY=/m.test(contents)
      ? contents.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`)
      : `${contents}\nAPP_KEY=${key}\n`
    writeFileSync(envFile, contents, { mode: 0o600 })
    console.log('setup: wrote .env with a new APP_KEY')
  } else if (!existsSync(envFile)) {
    writeFileSync(envFile, contents, { mode: 0o600 })
  }
}
