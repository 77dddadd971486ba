import { AsyncLocalStorage } from 'node:async_hooks'
import type { Knex } from 'knex'

/**
 * Where reads go when MySQL read replicas are configured (MYSQL_READ_HOSTS).
 * Lucid sends a SELECT outside a transaction to its read client, a pool of
 * connections to the replicas; this module lets that client stand aside:
 *
 * - inside `onPrimary()` (a write request, a read of a client that wrote a
 *   moment ago, a cache fill) the read client is the primary's;
 * - while the replicas are unhealthy (down, or lagging past the bound the
 *   ReplicaMonitor checks), every read goes to the primary;
 * - a read that fails because a replica went away (connection refused, lost
 *   or shut down) runs again on the primary, so losing a replica fails no
 *   request.
 *
 * Lucid has no setting for any of this; it patches the connection's read
 * client in one place (docs/deployment.md, "Read replicas").
 */
const primaryScope = new AsyncLocalStorage<true>()

/** Runs `work` with every read on the primary. */
export function onPrimary<T>(work: () => T): T {
  return primaryScope.run(true, work)
}

export const replicaState = {
  /** Set by the ReplicaMonitor; reads avoid the replicas while false. */
  healthy: true,
  /** False in Ace commands: an operator's command reads what it just wrote. */
  serving: true,
  /** Called when a read met a dead replica, before the monitor noticed. */
  lost: () => {},
}

/** Errors that mean the replica is gone, not that the query was wrong. */
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'PROTOCOL_CONNECTION_LOST',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
])

export function isConnectionError(error: unknown) {
  const code = (error as { code?: string } | null)?.code
  return typeof code === 'string' && CONNECTION_ERRORS.has(code)
}

interface LucidConnection {
  client?: Knex
  readClient?: Knex
}

/**
 * Installs the routing on a connected Lucid MySQL connection with replicas.
 * Answers a function that removes it (tests).
 */
export function routeReads(lucid: LucidConnection) {
  const primary = lucid.client!
  const replicas = lucid.readClient!
  if (!primary || !replicas || primary === replicas) return () => {}

  Object.defineProperty(lucid, 'readClient', {
    configurable: true,
    get: () =>
      primaryScope.getStore() || !replicaState.healthy || !replicaState.serving
        ? primary
        : replicas,
    set: () => {},
  })

  // Lucid takes a connection from the read client's pool, then runs the query with the
  // primary's knex client (which built it) on that connection: both need a hand.
  const readPool = replicas.client as Knex.Client & Record<string, any>
  const writer = primary.client as Knex.Client & Record<string, any>
  const fromReplicas = new WeakSet<object>()
  const lent = new WeakSet<object>()
  const acquire = readPool.acquireConnection.bind(readPool)
  const release = readPool.releaseConnection.bind(readPool)
  const query = writer.query.bind(writer)

  const borrowFromPrimary = async () => {
    const connection = await writer.acquireConnection()
    lent.add(connection)
    return connection
  }
  readPool.acquireConnection = async () => {
    try {
      const connection = await acquire()
      fromReplicas.add(connection)
      return connection
    } catch (error) {
      if (!isConnectionError(error)) throw error
      replicaState.lost()
      return borrowFromPrimary()
    }
  }
  readPool.releaseConnection = (connection: object) =>
    lent.delete(connection) ? writer.releaseConnection(connection) : release(connection)
  // A read cut off by the replica's loss runs again on the primary: a read is safe to repeat.
  writer.query = async (connection: object, queryParam: unknown) => {
    try {
      return await query(connection, queryParam)
    } catch (error) {
      if (!fromReplicas.has(connection) || !isConnectionError(error)) throw error
      replicaState.lost()
      const borrowed = await writer.acquireConnection()
      try {
        return await query(borrowed, queryParam)
      } finally {
        await writer.releaseConnection(borrowed)
      }
    }
  }

  return () => {
    delete (lucid as Record<string, unknown>).readClient
    lucid.readClient = replicas
    readPool.acquireConnection = acquire
    readPool.releaseConnection = release
    writer.query = query
  }
}
