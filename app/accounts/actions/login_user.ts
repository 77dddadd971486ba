import hash from '@adonisjs/core/services/hash'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'
import type User from '#accounts/models/user'
import { sqlNow } from '#core/database/sql_now'
import { AppException } from '#core/exceptions/app_exception'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { LastSeen } from '#accounts/services/last_seen'
import { isBlocked, isDeactivated } from '#accounts/domain/auth_user'
import { issueTokenPair } from '#accounts/actions/issue_token_pair'
import { penalize } from '#core/limiter/penalize'
import { countFailedLogin } from '#accounts/metrics'

export interface LoginInput {
  username: string
  password: string
  ip: string | null
  userAgent: string | null
}

let dummyHash: Promise<string> | undefined
let perUser: ReturnType<typeof limiter.use> | undefined

/** Failed logins per account; built once, as parsing its durations on every login showed up. */
function perUserLimiter() {
  perUser ??= limiter.use({
    requests: env.get('RATE_LIMIT_LOGIN_PER_USER') ?? 10,
    duration: '1 min',
    blockDuration: '5 mins',
  })
  return perUser
}

/**
 * Checks credentials (name or email), refuses blocked and deactivated
 * accounts with 403, records the login and issues a token pair. Wrong
 * passwords are limited per account (name and email share one count).
 */
export class LoginUser {
  async handle(input: LoginInput) {
    const { user } = await this.authenticate(input)
    const pair = await db.transaction(async (trx) => {
      await this.record(user, input, trx)
      return issueTokenPair(user, trx)
    })
    await emitter.emit('user:logged-in', { userId: user.id, ip: input.ip })
    return pair
  }

  /**
   * The checks of a login without its outcome (also used by the admin
   * panel's session sign-in): throttled credentials, then the account's
   * state. Returns the user and its fresh snapshot.
   */
  async authenticate(input: LoginInput) {
    // Failures count against the account, whether it was named by name or by email; a name
    // no account has counts against the text. Only a wrong password counts: a login that
    // failed because the database was down must not lock the account.
    const account = await AuthUserLookup.forLogin(
      input.username.includes('@') ? 'email' : 'name',
      input.username
    )
    const key = account
      ? `login:account:${account.user.id}`
      : `login:name:${input.username.toLowerCase()}`
    const [throttled, found] = await penalize(
      perUserLimiter(),
      key,
      () => this.verify(account, input.password),
      isInvalidCredentials
    )
    if (throttled) {
      countFailedLogin('throttled')
      throw throttled
    }

    const { user, snapshot } = found
    if (isDeactivated(snapshot)) {
      countFailedLogin('deactivated')
      throw new AppException('This account is deactivated', {
        status: 403,
        code: 'E_USER_DEACTIVATED',
      })
    }
    if (isBlocked(snapshot)) {
      countFailedLogin('blocked')
      throw new AppException('This account is blocked', { status: 403, code: 'E_USER_BLOCKED' })
    }
    return { user, snapshot }
  }

  /**
   * Writes the login history row of a successful login (a plain insert:
   * every login runs it), then the day the user was last seen.
   */
  async record(user: User, input: LoginInput, client?: TransactionClientContract) {
    await (client ?? db.connection()).table('login_history').insert({
      user_id: user.id,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 255) ?? null,
      created_at: sqlNow(),
    })
    // After the commit, in a statement of its own: concurrent logins of one account, each
    // holding a shared lock on the users row (the inserts' foreign keys), deadlocked on MariaDB
    // when each then tried to update that row.
    const seen = () => LastSeen.touch({ id: user.id, lastSeenOn: user.lastSeenOn })
    if (client) client.after('commit', seen)
    else await seen()
  }

  /** The account and its snapshot when the password matches. */
  private async verify(
    found: Awaited<ReturnType<typeof AuthUserLookup.forLogin>>,
    password: string
  ) {
    if (!found) {
      // An unknown name costs the same bcrypt time as a known one.
      dummyHash ??= hash.make('not-a-real-password')
      await hash.verify(await dummyHash, password)
      countFailedLogin('invalid_credentials')
      throw invalidCredentials()
    }
    if (!(await hash.verify(found.user.password, password))) {
      countFailedLogin('invalid_credentials')
      throw invalidCredentials()
    }
    return found
  }
}

function invalidCredentials() {
  return AppException.unauthorized('Invalid username or password', 'E_INVALID_CREDENTIALS')
}

function isInvalidCredentials(error: unknown) {
  return error instanceof AppException && error.code === 'E_INVALID_CREDENTIALS'
}
