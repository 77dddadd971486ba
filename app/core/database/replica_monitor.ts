import mysql from 'mysql2/promise'
import { replicaState } from '#core/database/replica_routing'

export interface ReplicaTarget {
  host: string
  port: number
  user: string
  password: string
}

type Logger = { warn(message: string): void; info(message: string): void }

/**
 * Asks every replica, every `intervalMs`, whether it is up and how far it
 * lags (SHOW SLAVE STATUS: both threads running and Seconds_Behind_Master
 * within `maxLagMs`). Reads use the replicas only while all of them pass:
 * an anonymous read is never older than the bound, and one that fails
 * moves reads to the primary until the replica is back.
 */
export class ReplicaMonitor {
  #timer: NodeJS.Timeout | undefined
  #checking = false

  constructor(
    private replicas: ReplicaTarget[],
    private options: { intervalMs: number; maxLagMs: number; logger: Logger }
  ) {}

  start() {
    replicaState.lost = () => this.#set(false, 'a read found a replica gone')
    this.#timer = setInterval(() => void this.check(), this.options.intervalMs)
    this.#timer.unref()
    return this.check()
  }

  stop() {
    clearInterval(this.#timer)
    replicaState.lost = () => {}
    replicaState.healthy = true
  }

  async check() {
    if (this.#checking) return
    this.#checking = true
    try {
      const answers = await Promise.all(this.replicas.map((one) => this.#problemOf(one)))
      const problems = answers.filter(Boolean)
      this.#set(problems.length === 0, problems.join('; '))
    } finally {
      this.#checking = false
    }
  }

  async #problemOf(replica: ReplicaTarget): Promise<string | null> {
    const where = `${replica.host}:${replica.port}`
    let connection: mysql.Connection | undefined
    try {
      connection = await mysql.createConnection({
        ...replica,
        connectTimeout: Math.min(this.options.intervalMs * 2, 2000),
      })
      const [rows] = await connection.query('SHOW SLAVE STATUS')
      const status = (rows as Record<string, unknown>[])[0]
      // Not a replica at all (a read host that is the primary itself, or one without rights
      // to ask): up is all that can be known.
      if (!status) return null
      if (status.Slave_IO_Running !== 'Yes' || status.Slave_SQL_Running !== 'Yes') {
        return `${where} is not replicating`
      }
      const lagMs = Number(status.Seconds_Behind_Master) * 1000
      if (status.Seconds_Behind_Master === null || lagMs > this.options.maxLagMs) {
        return `${where} lags ${status.Seconds_Behind_Master ?? 'an unknown number of'} s`
      }
      return null
    } catch (error) {
      const code = (error as { code?: string }).code
      // Without the right to read the replication status the replica is still up.
      if (code === 'ER_SPECIFIC_ACCESS_DENIED_ERROR') return null
      return `${where} does not answer (${code ?? (error as Error).message})`
    } finally {
      await connection?.end().catch(() => {})
    }
  }

  #set(healthy: boolean, why: string) {
    if (healthy === replicaState.healthy) return
    replicaState.healthy = healthy
    if (healthy) this.options.logger.info('read replicas are back: reads go to them again')
    else this.options.logger.warn(`reads go to the primary: ${why}`)
  }
}
