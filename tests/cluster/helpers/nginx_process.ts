import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { waitFor } from '#tests/helpers/child_processes'

/**
 * ops/nginx.conf (what compose runs in front of the replicas), templated for
 * processes on 127.0.0.1: the upstream lists the instances' ports instead of
 * Docker's DNS name, and nginx listens on `port`. Everything else, the retry
 * rules above all, is the shipped file.
 */
export function nginxConfig(port: number, upstreamPorts: number[], dir: string) {
  const shipped = readFileSync(app.makePath('ops/nginx.conf'), 'utf8')
  // Each upstream's parameters (max_fails, fail_timeout) stay as shipped.
  const servers = (parameters = '') =>
    upstreamPorts.map((upstream) => `  server 127.0.0.1:${upstream}${parameters};`).join('\n')
  const site = shipped
    .replace(/^resolver .*$/m, '')
    .replace(/^\s*server app:3333 resolve( [^;]*)?;$/gm, (_line, parameters?: string) =>
      servers(parameters)
    )
    .replace(/^\s*listen 80;$/m, `  listen 127.0.0.1:${port};`)
  if (site.includes('app:3333') || !site.includes(`listen 127.0.0.1:${port}`)) {
    throw new Error('ops/nginx.conf changed shape: update the cluster template')
  }
  return [
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 2048; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${dir}/${kind};`
    ),
    site,
    '}',
  ].join('\n')
}

/** nginx in the foreground on `port`, stopped with the test. */
export async function startNginx(port: number, upstreamPorts: number[], dir: string) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(`${dir}/nginx.conf`, nginxConfig(port, upstreamPorts, dir))
  const child = spawn('nginx', ['-p', dir, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let output = ''
  child.stderr!.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(output)
      return (await fetch(`${url}/health`)).status < 500
    },
    20_000,
    () => `nginx did not start on ${port}: ${output}`
  )
  return {
    url,
    errorLog: () => readFileSync(`${dir}/error.log`, 'utf8'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGQUIT')
      }),
  }
}
