import net from 'node:net'
import { spawn } from 'node:child_process'
import app from '@adonisjs/core/services/app'

/** A port nobody listens on right now (the OS picks it). */
export async function freePort() {
  const probe = net.createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => probe.once('listening', resolve))
  const { port } = probe.address() as net.AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * Starts bin/server.ts as the production server does (NODE_ENV=production,
 * JSON logs on stdout) on a port of its own, with the test database and
 * stores of this run. `stop()` sends SIGTERM; `kill()` is the cleanup.
 */
export async function startServer(env: Record<string, string> = {}) {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: app.makePath(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30_000)
    const check = () => {
      if (!stdout.includes('started HTTP server')) return
      clearTimeout(timer)
      child.stdout.off('data', check)
      resolve()
    }
    child.stdout.on('data', check)
    child.once('exit', () => reject(new Error(`server exited early: ${stderr}`)))
  })

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stdout: () => stdout,
    stderr: () => stderr,
    /** Resolves with the exit code. */
    exited,
    stop() {
      child.kill('SIGTERM')
      return exited
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
}

export type ServerProcess = Awaited<ReturnType<typeof startServer>>
