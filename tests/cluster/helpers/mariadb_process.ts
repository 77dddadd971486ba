import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import mysql from 'mysql2/promise'
import { stopProcess, waitFor } from '#tests/helpers/child_processes'

export interface MariaDbProcess {
  port: number
  /** Runs statements as root over TCP (a connection per call: the server may have been restarted). */
  sql<Row = Record<string, unknown>>(statement: string): Promise<Row[]>
  /** SIGKILL: what a crashed host looks like to the app. */
  kill(): Promise<void>
  /** SIGTERM: a clean shutdown. */
  stop(): Promise<void>
  /** Starts the same data directory again after a stop or kill. */
  start(): Promise<void>
}

/**
 * A mariadbd of the test's own: a fresh data directory (mariadb-install-db),
 * its own port and socket, binary log on (a primary) and a server id, so two
 * of them replicate as two hosts would. Stopped with the test.
 */
export async function startMariaDb(options: {
  dir: string
  port: number
  serverId: number
  readOnly?: boolean
  /** More mariadbd options (a larger buffer pool for a big dataset, ...). */
  options?: string[]
}): Promise<MariaDbProcess> {
  const { dir, port, serverId } = options
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const install = spawnSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--datadir=${dir}/data`,
      '--user=root',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { encoding: 'utf8', timeout: 120_000 }
  )
  if (install.status !== 0) throw new Error(`mariadb-install-db: ${install.stderr}`)

  let child: ChildProcess | undefined
  let output = ''
  const start = async () => {
    output = ''
    child = spawn(
      'mariadbd',
      [
        '--no-defaults',
        '--user=root',
        `--datadir=${dir}/data`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${dir}/mariadb.sock`,
        `--pid-file=${dir}/mariadb.pid`,
        `--server-id=${serverId}`,
        `--log-bin=${dir}/data/binlog`,
        // Row events: what a replica of a production primary applies.
        '--binlog-format=ROW',
        '--innodb-buffer-pool-size=128M',
        '--skip-name-resolve',
        // The app's bulk writes and long searches use the same limits as the shared service.
        '--max-connections=300',
        ...(options.readOnly ? ['--read-only'] : []),
        ...(options.options ?? []),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
    child.stderr!.on('data', (chunk) => (output += chunk))
    await waitFor(
      async () => {
        if (child!.exitCode !== null) throw new Error(output)
        return (await sql('SELECT 1')).length === 1
      },
      60_000,
      () => `mariadbd on ${port} did not start: ${output}`
    )
  }

  async function sql<Row>(statement: string): Promise<Row[]> {
    const connection = await mysql.createConnection({
      host: '127.0.0.1',
      port,
      user: 'root',
      connectTimeout: 2000,
    })
    try {
      const [rows] = await connection.query(statement)
      return rows as Row[]
    } finally {
      await connection.end()
    }
  }

  const stopWith = async (signal: NodeJS.Signals) => {
    if (child) await stopProcess(child, signal)
  }

  await start()
  return { port, sql, start, kill: () => stopWith('SIGKILL'), stop: () => stopWith('SIGTERM') }
}

/**
 * Makes `replica` follow `primary` with binlog replication by GTID, as an
 * operator sets up a replica of an empty primary.
 */
export async function replicate(primary: MariaDbProcess, replica: MariaDbProcess) {
  await replica.sql(
    `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, ` +
      `MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos, ` +
      `MASTER_CONNECT_RETRY=1`
  )
  await replica.sql('START SLAVE')
}
