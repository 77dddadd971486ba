import { rmSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { runAce, startRedis } from '#tests/helpers/child_processes'
import { freePort } from '#tests/helpers/server_process'
import { requireServices } from '#tests/helpers/required_services'
import { productionBuild } from '#tests/cluster/helpers/production_build'
import {
  startMariaDb,
  replicate,
  type MariaDbProcess,
} from '#tests/cluster/helpers/mariadb_process'
import { startNginx } from '#tests/cluster/helpers/nginx_process'
import { appInstance, type AppInstance } from '#tests/cluster/helpers/app_instance'

/**
 * The cluster suite needs the engines operators run (Debian's nginx and
 * mariadbd, redis-server) and minutes of a machine: it runs when
 * CLUSTER_TESTS=1 (as the MariaDB run of .ci/run sets) and is skipped,
 * loudly, otherwise.
 */
export function clusterRequirement(what: string) {
  if (process.env.CLUSTER_TESTS !== '1') {
    const why = 'the cluster suite runs with CLUSTER_TESTS=1 (the MariaDB run of .ci/run sets it)'
    console.log(`  SKIPPED ${what}: ${why}`)
    return { skip: [true, why] as [boolean, string], assert() {} }
  }
  return requireServices(what, 'mariadbd', 'nginx', 'redis-server')
}

export interface Cluster {
  /** nginx in front of every instance: where clients talk. */
  url: string
  instances: AppInstance[]
  primary: MariaDbProcess
  replica: MariaDbProcess | null
  /** The env every instance runs with (for Ace commands against the cluster). */
  env: Record<string, string>
  nginxErrors(): string
  /** Another nginx (the same config) in front of only some instances; answers its URL. */
  proxyTo(label: string, only: AppInstance[]): Promise<string>
  /** Stops every process the cluster started, the last started first. */
  stop(): Promise<void>
}

interface ClusterOptions {
  instances: number
  replica?: boolean
  env?: Record<string, string>
  /** More options for the primary's mariadbd. */
  primaryOptions?: string[]
}

const DATABASE = 'board'

/**
 * Starts, as processes of the test's own on 127.0.0.1: a MariaDB primary
 * (and a replica following it by binlog), a Redis, `instances` app
 * instances of the production build and nginx in front of them. The schema
 * is migrated and seeded on the primary (and replicated). `stop()` ends
 * them all; a cluster that fails half-way stops what it had started.
 */
export async function startCluster(name: string, options: ClusterOptions): Promise<Cluster> {
  const started: (() => Promise<unknown>)[] = []
  const stop = async () => {
    for (const stopOne of started.splice(0).reverse()) await stopOne()
  }
  try {
    return await launch(name, options, (stopOne) => started.push(stopOne), stop)
  } catch (error) {
    await stop()
    throw error
  }
}

async function launch(
  name: string,
  options: ClusterOptions,
  cleanup: (stop: () => Promise<unknown>) => void,
  stop: () => Promise<void>
): Promise<Cluster> {
  const buildDir = productionBuild()
  const dir = app.makePath('tmp', 'cluster', name)
  rmSync(dir, { recursive: true, force: true })

  const primary = await startMariaDb({
    dir: `${dir}/primary`,
    port: await freePort(),
    serverId: 1,
    options: options.primaryOptions,
  })
  cleanup(() => primary.stop())
  let replica: MariaDbProcess | null = null
  if (options.replica) {
    replica = await startMariaDb({
      dir: `${dir}/replica`,
      port: await freePort(),
      serverId: 2,
      readOnly: true,
    })
    cleanup(() => replica!.stop())
    await replicate(primary, replica)
  }
  await primary.sql(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)

  const redisPort = await freePort()
  const redis = await startRedis(redisPort)
  cleanup(() => redis.stop())

  const env: Record<string, string> = {
    DB_CONNECTION: 'mysql',
    MYSQL_HOST: '127.0.0.1',
    MYSQL_PORT: String(primary.port),
    MYSQL_USER: 'root',
    MYSQL_DATABASE: DATABASE,
    ...(replica ? { MYSQL_READ_HOSTS: `127.0.0.1:${replica.port}` } : {}),
    CACHE_STORE: 'redis',
    LIMITER_STORE: 'redis',
    SESSION_DRIVER: 'redis',
    REDIS_HOST: '127.0.0.1',
    REDIS_PORT: String(redisPort),
    UPLOAD_FS_ROOT: `${dir}/uploads`,
    MAIL_WORKER: 'false',
    ...options.env,
  }
  runAce(['migration:run', '--force'], env)
  runAce(['db:seed'], env)

  const instances: AppInstance[] = []
  for (let i = 0; i < options.instances; i++) {
    instances.push(appInstance(buildDir, await freePort(), env))
  }
  cleanup(async () => {
    for (const instance of instances) await instance.stop()
  })
  // One at a time: three cold starts at once on two cores only slow each other.
  for (const instance of instances) await instance.start()

  const nginx = await startNginx(
    await freePort(),
    instances.map((instance) => instance.port),
    `${dir}/nginx`
  )
  cleanup(() => nginx.stop())
  return {
    url: nginx.url,
    instances,
    primary,
    replica,
    env,
    nginxErrors: nginx.errorLog,
    stop,
    async proxyTo(label: string, only: AppInstance[]) {
      const proxy = await startNginx(
        await freePort(),
        only.map((instance) => instance.port),
        `${dir}/nginx-${label}`
      )
      cleanup(() => proxy.stop())
      return proxy.url
    },
  }
}
