import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, destination, targets } from '@adonisjs/core/logger'

/**
 * JSON lines (one object per line, for Logstash/Elastic) in production,
 * pretty output in development. Credentials are redacted wherever they
 * may appear in a logged object.
 */
const jsonLines = app.inProduction || app.inTest

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'boardcms',
      level: env.get('LOG_LEVEL'),
      // "time" as ISO 8601 UTC, which Logstash and people read without conversion.
      timestamp: 'iso',
      redact: {
        paths: [
          'password',
          '*.password',
          'current_password',
          '*.current_password',
          'password_confirmation',
          '*.password_confirmation',
          'token',
          '*.token',
          'access_token',
          '*.access_token',
          'refresh_token',
          '*.refresh_token',
          // Webhook signing secrets, should one ever end up in a logged object.
          'secret',
          '*.secret',
          'secret_encrypted',
          '*.secret_encrypted',
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          'headers.authorization',
          'headers.cookie',
        ],
        censor: '[redacted]',
      },
      // JSON lines go to stdout from the main thread (buffered, flushed on exit): a
      // transport would run pino in a worker thread, with a second V8 heap.
      ...(jsonLines
        ? { destination: destination({ dest: 1, sync: false }) }
        : { transport: { targets: targets().push(targets.pretty()).toArray() } }),
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
