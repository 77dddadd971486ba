import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'

/**
 * Tests that need something a plain machine with only Node lacks (MariaDB,
 * the redis-server binary, Chromium). Without it they are skipped, loudly,
 * so `npm test` passes anywhere; with REQUIRE_SERVICES=1 (as `.ci/run` sets)
 * they run and fail with the missing service named, so CI never skips.
 */
export type Service = 'mariadb' | 'redis-server' | 'chromium' | 'mariadbd' | 'nginx'

/** Debian's Chromium (never a browser downloaded by a tool); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const servicesRequired = () => process.env.REQUIRE_SERVICES === '1'

const SERVICES: Record<Service, { name: string; how: string; present: () => boolean }> = {
  'mariadb': {
    name: 'MariaDB on 127.0.0.1:3306 as root',
    how: 'apt-get install mariadb-server; bash .ci/services.sh starts it',
    present: () => spawnSync('mysqladmin', ['-h127.0.0.1', '-uroot', 'ping']).status === 0,
  },
  'redis-server': {
    name: 'the redis-server binary',
    how: 'apt-get install redis-server',
    present: () => spawnSync('redis-server', ['--version']).status === 0,
  },
  // The cluster suite's own primary and replica (processes with their own data directories).
  'mariadbd': {
    name: 'the mariadbd and mariadb-install-db binaries',
    how: 'apt-get install mariadb-server',
    present: () =>
      spawnSync('mariadbd', ['--version']).status === 0 &&
      spawnSync('which', ['mariadb-install-db']).status === 0,
  },
  'nginx': {
    name: 'the nginx binary',
    how: 'apt-get install nginx-light',
    present: () => spawnSync('nginx', ['-v']).status === 0,
  },
  'chromium': {
    name: `Chromium at ${CHROMIUM_PATH}`,
    how: 'apt-get install -y chromium, or set CHROMIUM_PATH',
    present: () => {
      try {
        accessSync(CHROMIUM_PATH, constants.X_OK)
        return true
      } catch {
        return false
      }
    },
  },
}

// Each service is probed once per run, however many files need it.
const presence = new Map<Service, boolean>()
const skipped: string[] = []

function present(service: Service) {
  if (!presence.has(service)) presence.set(service, SERVICES[service].present())
  return presence.get(service)!
}

export interface Requirement {
  /** Arguments for Japa's `skip()`; combine with `needsPlugins` through `skipWhen`. */
  skip: [boolean, string]
  /** Throws naming what is missing: first thing in the test (or group setup) it guards. */
  assert(): void
}

/**
 * What `what` (a test or group, as the log should name it) needs. Prints
 * `SKIPPED <what>: needs ...` at load time when it will be skipped.
 */
export function requireServices(what: string, ...services: Service[]): Requirement {
  const missing = services
    .filter((service) => !present(service))
    .map((service) => `${SERVICES[service].name} (${SERVICES[service].how})`)
  const needs = `needs ${missing.join(' and ')}`
  const skip = missing.length > 0 && !servicesRequired()
  if (skip) {
    console.log(`  SKIPPED ${what}: ${needs}`)
    skipped.push(`${what}: ${needs}`)
  } else if (missing.length) {
    console.log(`  REQUIRED ${what} (REQUIRE_SERVICES=1) will fail: ${needs}`)
  }
  return {
    skip: [skip, `${needs}; REQUIRE_SERVICES=1 runs it and fails instead`],
    assert() {
      if (missing.length) throw new Error(`REQUIRE_SERVICES=1 and ${what}: ${needs}`)
    },
  }
}

/** Combines Japa `skip()` arguments: the first reason that skips wins. */
export function skipWhen(...reasons: [boolean, string][]): [boolean, string] {
  return reasons.find(([skip]) => skip) ?? [false, '']
}

/** What this run skipped for want of a service, for the closing summary. */
export function skippedForServices(): readonly string[] {
  return skipped
}
