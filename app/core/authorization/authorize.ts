import { Bouncer } from '@adonisjs/bouncer'
import type { AuthorizationResponse } from '@adonisjs/bouncer'
import type { GetPolicyMethods } from '@adonisjs/bouncer/types'
import { AppException } from '#core/exceptions/app_exception'
import { Denial } from '#core/authorization/denial'

type PolicyClass = new () => object
type PolicyArgs<
  User,
  Policy extends PolicyClass,
  Method,
> = Method extends keyof InstanceType<Policy>
  ? InstanceType<Policy>[Method] extends (user: User, ...args: infer Args) => any
    ? Args
    : never
  : never

/**
 * Asks a Bouncer policy whether `actor` may do `action`. Actions call this
 * themselves, because the same action serves the API, the admin panel and
 * the Ace commands; `actor` null is an operator at the command line, who
 * may do everything (there is no guest here: HTTP callers are signed in).
 */
async function decide<User extends object, Policy extends PolicyClass>(
  actor: User | null,
  policy: Policy,
  action: string,
  args: unknown[]
): Promise<AuthorizationResponse | null> {
  if (actor === null) return null
  const authorizer = new Bouncer(actor).with(policy) as unknown as {
    execute(action: string, ...args: unknown[]): Promise<AuthorizationResponse>
  }
  return authorizer.execute(action, ...args)
}

/**
 * Throws the policy's refusal as the AppException the API answers with:
 * a `deny(message, { status, code })` keeps its status, code and message;
 * a plain `false` is 403 `E_FORBIDDEN` "You are not allowed to do this".
 */
export async function authorize<
  User extends object,
  Policy extends PolicyClass,
  Method extends GetPolicyMethods<User, InstanceType<Policy>>,
>(actor: User | null, policy: Policy, action: Method, ...args: PolicyArgs<User, Policy, Method>) {
  const response = await decide(actor, policy, action as string, args)
  if (!response || response.authorized) return
  if (response instanceof Denial) {
    throw new AppException(response.message!, { status: response.status!, code: response.code })
  }
  throw AppException.forbidden(response.message)
}

/** The same question without throwing: for what a page shows (links, buttons). */
export async function allows<
  User extends object,
  Policy extends PolicyClass,
  Method extends GetPolicyMethods<User, InstanceType<Policy>>,
>(actor: User | null, policy: Policy, action: Method, ...args: PolicyArgs<User, Policy, Method>) {
  const response = await decide(actor, policy, action as string, args)
  return !response || response.authorized
}
