import type { ApplicationService } from '@adonisjs/core/types'
import proxyAddr from 'proxy-addr'
import env from '#start/env'
import { routeReads, onPrimary, replicaState } from '#core/database/replica_routing'
import { ReplicaMonitor, type ReplicaTarget } from '#core/database/replica_monitor'
import { RecentWriters } from '#core/database/recent_writers'
import { readYourWrites } from '#core/database/read_your_writes'
import { fastLane } from '#core/http/fast_lane'

/**
 * With MYSQL_READ_HOSTS, processes route reads (app/core/database/
 * replica_routing.ts): Ace commands and every cache fill read the primary
 * (a cached entry is never older than the last invalidation, however far a
 * replica lags); server reads go to the replicas while they are healthy,
 * except a client's reads right after it wrote (read-your-writes, also on
 * without replicas when READ_YOUR_WRITES_MS is set).
 */
export default class ReplicaRoutingProvider {
  #monitor: ReplicaMonitor | undefined
  #unroute: (() => void) | undefined

  constructor(protected app: ApplicationService) {}

  async ready() {
    const replicas =
      env.get('DB_CONNECTION') === 'mysql'
        ? this.app.config.get<ReplicaTarget[] | undefined>(
            'database.connections.mysql.replicas.read.connection'
          )
        : undefined
    const serving = ['web', 'test'].includes(this.app.getEnvironment())
    const maxLagMs = env.get('MYSQL_REPLICA_MAX_LAG_MS') ?? 5000
    if (replicas?.length) await this.#route(replicas, serving, maxLagMs)

    const windowMs = env.get('READ_YOUR_WRITES_MS') ?? (replicas?.length ? maxLagMs * 2 : 0)
    if (!serving || windowMs <= 0) return
    const writers = new RecentWriters({ windowMs, shared: env.get('CACHE_STORE') === 'redis' })
    readYourWrites.current = writers
    // The fast lane answers before the middleware: a recent writer's reads go past it.
    const trust =
      this.app.config.get<(address: string, hop: number) => boolean>('app.http.trustProxy')
    fastLane.passWhen((request) => writers.wroteRecently(proxyAddr(request, trust)))
  }

  async #route(replicas: ReplicaTarget[], serving: boolean, maxLagMs: number) {
    const db = await this.app.container.make('lucid.db')
    db.connection('mysql')
    this.#unroute = routeReads(db.manager.get('mysql')!.connection as any)
    // Ace commands (and the REPL) read the primary: an operator's command reads what it wrote.
    if (!serving) {
      replicaState.serving = false
      return
    }
    const logger = await this.app.container.make('logger')
    this.#monitor = new ReplicaMonitor(
      replicas.map(({ host, port, user, password }) => ({
        host,
        port: Number(port ?? 3306),
        user,
        password: password ?? '',
      })),
      { intervalMs: env.get('MYSQL_REPLICA_CHECK_MS') ?? 500, maxLagMs, logger }
    )
    await this.#monitor.start()

    // Cache fills read the primary (see above): one place, for every getOrSet of every plugin.
    const cache = await this.app.container.make('cache.manager')
    const getOrSet = cache.getOrSet.bind(cache)
    cache.getOrSet = ((options: { factory: (...args: any[]) => unknown }) =>
      getOrSet({
        ...options,
        factory: (...args: any[]) => onPrimary(() => options.factory(...args)),
      } as any)) as typeof cache.getOrSet
  }

  async shutdown() {
    this.#monitor?.stop()
    readYourWrites.current = null
    this.#unroute?.()
  }
}
