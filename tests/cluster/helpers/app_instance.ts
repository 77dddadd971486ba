import { spawn, type ChildProcess } from 'node:child_process'
import { childEnv, stopProcess, waitFor } from '#tests/helpers/child_processes'

export interface AppInstance {
  port: number
  url: string
  /** Starts the process (again, after a kill or a stop) and waits until it is ready. */
  start(): Promise<void>
  /** SIGKILL: a crashed instance, nothing drained. */
  kill(): Promise<void>
  /** SIGTERM: the graceful shutdown a rolling restart sends; answers the exit code. */
  stop(): Promise<number | null>
  output(): string
}

/** One instance of the production build (`node bin/server.js` in build/) on `port`. */
export function appInstance(buildDir: string, port: number, env: Record<string, string>) {
  let child: ChildProcess | undefined
  let output = ''
  const url = `http://127.0.0.1:${port}`
  const instance: AppInstance = {
    port,
    url,
    output: () => output,
    async start() {
      child = spawn(process.execPath, ['bin/server.js'], {
        cwd: buildDir,
        env: childEnv({ ...env, PORT: String(port) }),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child.stdout!.on('data', (chunk) => (output += chunk))
      child.stderr!.on('data', (chunk) => (output += chunk))
      const started = child
      await waitFor(
        async () => {
          if (started.exitCode !== null) throw new Error(`instance ${port} exited: ${output}`)
          return (await fetch(`${url}/health/ready`)).ok
        },
        60_000,
        () => `instance ${port} did not become ready: ${output.slice(-2000)}`
      )
    },
    kill: async () => {
      if (child) await stopProcess(child, 'SIGKILL')
    },
    stop: async () => (child ? stopProcess(child) : null),
  }
  return instance
}
