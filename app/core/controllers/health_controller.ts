import type { HttpContext } from '@adonisjs/core/http'

export default class HealthController {
  /** Liveness: the process answers; no dependency is touched. */
  async live() {
    return { status: 'ok' }
  }

  /**
   * Readiness: 503 naming each failing check. A check may add numbers under
   * `meta.details` (the uploads plugin's disk usage); other meta (errors) is
   * never shown.
   */
  async ready({ response }: HttpContext) {
    const { healthChecks } = await import('#core/health_checks')
    const report = await healthChecks.run()
    const checks = report.checks.map((check) => ({
      name: check.name,
      status: check.status,
      message: check.message,
      ...(check.meta?.details ? { details: check.meta.details } : {}),
    }))
    const failing = checks.filter((check) => check.status === 'error')
    return response.status(failing.length ? 503 : 200).send({
      status: failing.length ? 'error' : 'ok',
      checks,
      ...(failing.length
        ? {
            errors: failing.map((check) => ({
              code: 'E_SERVICE_UNAVAILABLE',
              message: `${check.name} is not answering`,
            })),
          }
        : {}),
    })
  }

  async ping() {
    return { pong: true }
  }
}
