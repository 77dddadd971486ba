import { spawn } from 'node:child_process'
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'
import type { PluginManifest } from '#core/plugins/define_plugin'
import { childEnv } from '#tests/helpers/child_processes'

/** Top-level entries a copy leaves out: installed packages, build output, local data. */
const LEFT_OUT = new Set(['node_modules', '.git', 'tmp', 'build', 'coverage'])
/** Local settings (.env, .env.local, ...) would leak a developer's setup into the copy. */
const localEnv = (name: string) => name.startsWith('.env') && !name.match(/^\.env\.(example|test)$/)

/**
 * A throw-away copy of the app's sources in a temp folder, with the
 * installed packages linked (not copied), so a test can change config/plugins.ts
 * the way an operator would and run the real `node ace` and server there.
 */
export class AppCopy {
  private constructor(readonly root: string) {}

  static create() {
    const source = app.makePath()
    const root = mkdtempSync(join(tmpdir(), 'boardcms-copy-'))
    cpSync(source, root, {
      recursive: true,
      filter: (path) => {
        const top = relative(source, path).split(/[\\/]/)[0]
        return !LEFT_OUT.has(top) && !localEnv(basename(path))
      },
    })
    linkPackages(join(source, 'node_modules'), join(root, 'node_modules'), source, root)
    mkdirSync(join(root, 'tmp'))
    return new AppCopy(root)
  }

  path(...parts: string[]) {
    return join(this.root, ...parts)
  }

  read(file: string) {
    return readFileSync(this.path(file), 'utf8')
  }

  write(file: string, text: string) {
    writeFileSync(this.path(file), text)
  }

  /**
   * Runs `node ace <args>` in the copy with a clean environment: the settings
   * every server needs plus `env` (none of this run's), or with `bare` only
   * PATH, TZ and `env` (the copy's own .env files fill the rest).
   */
  ace(
    args: string[],
    env: Record<string, string>,
    options: { timeoutMs?: number; bare?: boolean } = {}
  ) {
    const { timeoutMs = 60_000, bare = false } = options
    return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['ace', ...args], {
        cwd: this.root,
        env: bare ? { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env } : childEnv(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      child.once('close', (status) => {
        clearTimeout(timer)
        resolve({ status, stdout, stderr })
      })
    })
  }

  remove() {
    // Removes the package links, not what they point to.
    rmSync(this.root, { recursive: true, force: true })
  }
}

/**
 * The copy's node_modules: a link to each installed package, except the
 * workspace packages (links into the app's own tree, such as a plugin in
 * packages/), which link to the copy's, so they import the copy's app.
 */
function linkPackages(from: string, to: string, source: string, root: string) {
  mkdirSync(to)
  for (const name of readdirSync(from)) {
    const entry = join(from, name)
    if (name.startsWith('@') && lstatSync(entry).isDirectory()) {
      linkPackages(entry, join(to, name), source, root)
      continue
    }
    const inApp = relative(source, realpathSync(entry))
    const workspace = !inApp.startsWith('..') && inApp.split(/[\\/]/)[0] !== 'node_modules'
    symlinkSync(workspace ? join(root, inApp) : entry, join(to, name))
  }
}

/**
 * config/plugins.ts as text: the identifiers in `definePlugins([...])` and
 * the import line of each, matched to the manifests the app loaded from it,
 * so a test can write the same file with plugins left out or reordered.
 */
export function pluginListFile(text: string, manifests: PluginManifest[]) {
  const call = text.match(/definePlugins\(\[([^\]]*)\]\)/)
  if (!call) throw new Error('config/plugins.ts: no definePlugins([...]) call')
  const identifiers = call[1]
    .replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  if (identifiers.length !== manifests.length || identifiers.some((id) => !/^\w+$/.test(id))) {
    throw new Error(`config/plugins.ts: cannot match [${call[1]}] to the loaded plugins`)
  }
  const identifierOf = new Map(manifests.map((plugin, index) => [plugin.name, identifiers[index]]))
  const importLine = (id: string) => new RegExp(`^import ${id} from .*\\n`, 'm')
  for (const id of identifiers) {
    if (!importLine(id).test(text)) throw new Error(`config/plugins.ts: no import line for ${id}`)
  }

  /** The file listing `names` in that order; the import lines of the others are removed. */
  return (names: string[]) => {
    const kept = names.map((name) => identifierOf.get(name)!)
    let out = text.replace(call[0], `definePlugins([${kept.join(', ')}])`)
    for (const id of identifiers) if (!kept.includes(id)) out = out.replace(importLine(id), '')
    return out
  }
}
