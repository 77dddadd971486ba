import { test } from '@japa/runner'
import { parse } from 'yaml'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { schema } from '#start/env'

/*
 * No Docker engine runs in CI: the deployment files are checked statically
 * against each other and against the app's env schema.
 */

type Service = Record<string, any>

const read = (path: string) => readFileSync(app.makePath(path), 'utf8')
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, Service>
}
const services = Object.entries(compose.services)
/** Services running the app's own image. */
const appServices = services.filter(([, service]) => service.build === '.')
/** The Dockerfile with continuation lines joined: one instruction per line. */
const dockerfile = read('Dockerfile').replace(/\\\n\s*/g, '')

/** Compose interpolation: `${X:-default}` gives the default, `${X:?msg}` a stand-in value. */
function interpolate(value: unknown) {
  return String(value).replace(/\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (_, name, operator, rest) =>
    operator === '-' ? rest : `stand-in-${name.toLowerCase()}-0123456789abcdef`
  )
}

/** What start/env.ts's rule for `key` says about `value`: null when valid. */
function ruleError(key: string, value?: string) {
  const rule = schema[key as keyof typeof schema] as (k: string, v?: string) => unknown
  try {
    rule(key, value)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

/** Instructions of the Dockerfile's last stage. */
function finalStage() {
  return dockerfile.slice(dockerfile.lastIndexOf('\nFROM '))
}

test.group('docker-compose.yml', () => {
  test('every service has an image or a build', ({ assert }) => {
    for (const [name, service] of services) {
      assert.isTrue(Boolean(service.image || service.build), `${name} has no image or build`)
    }
    assert.deepEqual(
      appServices.map(([name]) => name),
      ['migrate', 'app']
    )
  })

  test('every variable set for the app is in start/env.ts and passes its rule', ({ assert }) => {
    for (const [name, service] of appServices) {
      const environment = service.environment as Record<string, unknown>
      for (const [key, value] of Object.entries(environment)) {
        assert.property(schema, key, `${name} sets ${key}, which start/env.ts does not declare`)
        assert.isNull(ruleError(key, interpolate(value)), `${name}: ${key}`)
      }
      // Variables the compose file leaves out must be optional.
      for (const key of Object.keys(schema)) {
        if (!(key in environment)) assert.isNull(ruleError(key), `${name} leaves out ${key}`)
      }
      assert.equal(environment.NODE_ENV, 'production')
      assert.equal(environment.DB_CONNECTION, 'mysql')
    }
  })

  test('long-running services have health checks; the app gets its own from the image', ({
    assert,
  }) => {
    for (const [name, service] of services) {
      if (name === 'migrate') {
        assert.isTrue(service.healthcheck?.disable, 'the one-shot job must not inherit one')
      } else if (service.build === '.') {
        assert.isUndefined(service.healthcheck?.disable)
        assert.match(finalStage(), /^HEALTHCHECK .* CMD .*\/health/m)
      } else {
        assert.isArray(service.healthcheck?.test, `${name} has no health check`)
      }
    }
  })

  test('only the proxy is public; the replicas publish no host port', ({ assert }) => {
    const { app: server, proxy } = compose.services
    assert.equal(server.deploy.replicas, 2)
    assert.isUndefined(server.ports)
    assert.deepEqual(server.expose, [server.environment.PORT])
    assert.deepEqual(proxy.ports, ['8080:80'])
    for (const [name, service] of services) {
      if (name === 'proxy') continue
      for (const port of service.ports ?? []) {
        assert.match(port, /^127\.0\.0\.1:/, `${name} publishes ${port} beyond localhost`)
      }
    }
  })

  test('instances start after the migrations and drain before Docker kills them', ({ assert }) => {
    const { app: server, migrate } = compose.services
    assert.equal(server.depends_on.migrate.condition, 'service_completed_successfully')
    assert.deepEqual(migrate.command, ['migrate'])
    assert.isAbove(
      Number.parseInt(server.stop_grace_period) * 1000,
      Number(server.environment.SHUTDOWN_TIMEOUT_MS)
    )
  })

  test('the elk profile holds Logstash, Elasticsearch and Kibana', ({ assert }) => {
    const elk = services.filter(([, service]) => service.profiles?.includes('elk'))
    assert.sameMembers(
      elk.map(([name]) => name),
      ['elasticsearch', 'logstash', 'kibana']
    )
    // Logstash keeps the lines of containers labelled like the app's.
    assert.equal(compose.services.app.labels.boardcms_logs, 'json')
    assert.deepInclude(compose.services.app.logging.options, { labels: 'boardcms_logs' })
    assert.include(read('ops/logstash.conf'), 'if [attrs][boardcms_logs] != "json"')
  })

  test('every file mounted from the repository exists', ({ assert }) => {
    for (const [, service] of services) {
      for (const volume of service.volumes ?? []) {
        const source = String(volume).split(':')[0]
        if (!source.startsWith('./')) continue
        assert.isTrue(existsSync(app.makePath(source)), `${source} is missing`)
      }
    }
  })
})

test.group('Prometheus and nginx configuration', () => {
  test('Prometheus discovers every app replica on the app port', ({ assert }) => {
    const config = parse(read('ops/prometheus.yml'))
    const job = config.scrape_configs.find((j: { job_name: string }) => j.job_name === 'boardcms')
    assert.equal(job.metrics_path, '/metrics')
    assert.deepEqual(job.dns_sd_configs[0].names, ['app'])
    assert.equal(String(job.dns_sd_configs[0].port), compose.services.app.environment.PORT)
  })

  test('nginx balances over the app service and keeps /metrics internal', ({ assert }) => {
    const nginx = read('ops/nginx.conf')
    assert.match(
      nginx,
      new RegExp(`server app:${compose.services.app.environment.PORT} resolve[ ;]`)
    )
    assert.match(nginx, /location ~\* \^\/metrics\/\?\$ \{\s*return 404;/)
    assert.match(nginx, /proxy_set_header X-Request-Id /)
  })
})

test.group('Dockerfile', () => {
  test('builds on the official node:24 image, for production', ({ assert }) => {
    const images = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1])
    assert.isNotEmpty(images)
    for (const image of images) assert.match(image, /^(node:24(-[\w.-]+)?|base|deps|build)$/)
    assert.match(dockerfile, /^RUN node ace build$/m)
    assert.match(dockerfile, /^RUN npm ci --omit=dev /m)
    assert.match(finalStage(), /^ENV NODE_ENV=production/m)
    assert.match(finalStage(), /^CMD \["node", (".+", )*"bin\/server\.js"\]$/m)
  })

  test('production dependencies link the compiled plugin packages (npm workspaces)', ({
    assert,
  }) => {
    const workspaces = JSON.parse(read('package.json')).workspaces as string[]
    assert.deepEqual(workspaces, ['packages/*'])
    const stage = /^FROM base AS production-deps$([\s\S]*?)^FROM /m.exec(dockerfile)?.[1] ?? ''
    const copied = stage.indexOf('COPY --from=build /app/build/packages ./packages')
    assert.isAtLeast(copied, 0, 'the production-deps stage copies build/packages')
    assert.isBelow(copied, stage.indexOf('RUN npm ci --omit=dev'))
  })

  test('starts node with the same flags as npm run start:prod', ({ assert }) => {
    const scripts = JSON.parse(read('package.json')).scripts
    const flags = (scripts['start:prod'] as string).split(' ').filter((p) => p.startsWith('--'))
    const command = JSON.parse(/^CMD (\[.*\])$/m.exec(finalStage())![1]) as string[]
    assert.deepEqual(command, ['node', ...flags, 'bin/server.js'])
  })

  test('runs as a non-root user with a health check on /health', ({ assert }) => {
    const user = /^USER (\S+)$/m.exec(finalStage())?.[1] ?? 'root'
    assert.notMatch(user, /^(root|0)(:|$)/)
    assert.match(finalStage(), /^HEALTHCHECK .* CMD .*\/health/m)
  })

  test('the entrypoint exists, is executable and handles the migrate job', ({ assert }) => {
    accessSync(app.makePath('ops/docker-entrypoint.sh'), constants.X_OK)
    const entrypoint = read('ops/docker-entrypoint.sh')
    assert.include(entrypoint, 'node ace migration:run --force')
    assert.include(entrypoint, 'RUN_MIGRATIONS')
    assert.include(entrypoint, 'exec "$@"')
  })
})
