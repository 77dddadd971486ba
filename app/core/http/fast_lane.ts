import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import { randomUUID } from 'node:crypto'
import { AsyncLocalStorage } from 'node:async_hooks'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CorsConfig } from '@adonisjs/cors/types'
import type { Logger } from '@adonisjs/core/logger'
import { corsHeadersFor } from '#core/http/cors_headers'

/** A public read the fast lane may answer from the cache. */
export interface FastRoute {
  /** The route's pattern in the router, e.g. `/api/v1/post/:id`: the label in metrics and logs. */
  pattern: string
  /** Matches the whole request URL, query string included; anything else goes to the framework. */
  url: RegExp
  /**
   * The answer for the URL, exactly what the route's controller would
   * return (from the cache, or read and cached as the controller does), or
   * null/undefined to leave the request to the framework. Only for answers
   * that are the same for every caller.
   */
  lookup(match: RegExpExecArray): Promise<unknown> | unknown
}

/** What the metrics and the request log are told about a request the fast lane answered. */
export interface FastLaneServed {
  requestId: string
  method: 'GET'
  route: string
  status: 200
  durationSeconds: number
}

// Given once the app booted: this module is loaded by bin/server.ts before services exist.
type Settings = { enabled: boolean; cors: CorsConfig; logger: Logger }

/**
 * Answers public reads (a post's detail) before the framework's pipeline,
 * whose fixed cost per request (router, middleware resolved through the
 * container, HttpContext, async local storage, completion events) is most
 * of the cost of a cached answer, and about half of a miss's. Everything
 * else goes to the framework unchanged. Plugins register routes; the fast lane
 * adds what the pipeline would have: X-Request-Id, CORS headers from the
 * same config, the request log line and the HTTP metrics. It skips every
 * middleware, so only routes whose middleware do nothing for a public read
 * belong here. The same idea as Discourse's anonymous cache in front of
 * Rails, but reading the same invalidated cache entries as the controller.
 */
export class FastLane {
  #routes: FastRoute[] = []
  #listeners: ((served: FastLaneServed) => void)[] = []
  #settings?: Settings
  #passes: ((request: IncomingMessage) => Promise<boolean>)[] = []
  #serving = new AsyncLocalStorage<IncomingMessage>()

  /** The request whose lookup runs now, as HttpContext.get() in the framework (tests count its statements). */
  current() {
    return this.#serving.getStore()
  }

  /** Returns a function that takes the route off again. */
  register(route: FastRoute) {
    this.#routes.push(route)
    return () => {
      this.#routes = this.#routes.filter((registered) => registered !== route)
    }
  }

  /** Requests for which `check` answers true go to the framework (a client that just wrote). */
  passWhen(check: (request: IncomingMessage) => Promise<boolean>) {
    this.#passes.push(check)
  }

  onServed(listener: (served: FastLaneServed) => void) {
    this.#listeners.push(listener)
  }

  /** Called once the app booted (start/kernel.ts). */
  configure(settings: Settings) {
    this.#settings = settings
  }

  /**
   * The route and URL match for a request the fast lane may answer,
   * synchronously. A request with credentials goes to the framework: a
   * bearer that does not authenticate is a 401 there (docs/board.md), not
   * an anonymous read.
   */
  match(request: IncomingMessage) {
    if (request.method !== 'GET' || !this.#settings?.enabled) return undefined
    if (request.headers.authorization !== undefined) return undefined
    const url = request.url ?? ''
    for (const route of this.#routes) {
      const match = route.url.exec(url)
      if (match) return { route, match }
    }
    return undefined
  }

  /** Answers from the cache; false (nothing written) when the framework must answer. */
  async serve(
    { route, match }: { route: FastRoute; match: RegExpExecArray },
    request: IncomingMessage,
    response: ServerResponse
  ) {
    const started = process.hrtime.bigint()
    const origin = request.headers.origin
    const cors = origin ? corsHeadersFor(this.#settings!.cors, origin) : {}
    if (!cors) return false
    for (const passes of this.#passes) if (await passes(request)) return false
    const value = await this.#serving.run(request, () => route.lookup(match))
    if (value === null || value === undefined) return false

    const body = JSON.stringify(value)
    // Already checked by dropUnsafeRequestId; generated like the framework does otherwise.
    const requestId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID()
    response.writeHead(200, {
      'x-request-id': requestId,
      ...cors,
      'content-length': Buffer.byteLength(body),
      'content-type': 'application/json; charset=utf-8',
    })
    response.end(body)

    const served: FastLaneServed = {
      requestId,
      method: 'GET',
      route: route.pattern,
      status: 200,
      durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    }
    for (const listener of this.#listeners) {
      // The answer is sent: a failing listener must not make the framework answer again.
      try {
        listener(served)
      } catch (error) {
        this.#settings!.logger.error(
          { err: safeErrorFields(error), route: route.pattern },
          'fast lane listener failed'
        )
      }
    }
    return true
  }
}

export const fastLane = new FastLane()
