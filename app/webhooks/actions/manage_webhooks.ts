import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type { AuthUser } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import { authorize } from '#core/authorization/authorize'
import WebhookPolicy from '#webhooks/policies/webhook_policy'
import { sqlNow } from '#core/database/sql_now'
import { webhookUrlProblem } from '#webhooks/domain/webhook_url'
import { literalTargetProblem } from '#webhooks/services/target_dispatcher'
import config from '#webhooks/config'
import { createWebhookValidator } from '#webhooks/validators/webhook_validators'
import { WebhookSecret } from '#webhooks/services/webhook_secret'
import { subscriptionJson } from '#webhooks/services/subscription_json'

export type CreateWebhookInput = Infer<typeof createWebhookValidator>

/**
 * Webhook subscriptions, for the Ace commands and the admin panel. `actor`
 * is null for an operator at the command line; otherwise WebhookPolicy
 * decides (admins). The secret is returned once, by create and
 * rotateSecret, and never listed.
 */
export class ManageWebhooks {
  async create(raw: unknown, actor: AuthUser | null) {
    await authorize(actor, WebhookPolicy, 'manage')
    const input = await createWebhookValidator.validate(raw)
    const problem =
      webhookUrlProblem(input.url) ??
      literalTargetProblem(input.url, config.get().allowPrivateTargets)
    if (problem) throw AppException.unprocessable(problem, 'url')
    const secret = input.secret ?? WebhookSecret.generate()
    const now = sqlNow()
    const [id] = await db.table('webhook_subscriptions').insert({
      url: input.url,
      events: JSON.stringify(input.events.includes('*') ? ['*'] : input.events),
      secret_encrypted: WebhookSecret.seal(secret),
      description: input.description ?? null,
      active: true,
      consecutive_failures: 0,
      created_at: now,
      updated_at: now,
    })
    return { subscription: await this.find(Number(id), actor), secret }
  }

  async list(actor: AuthUser | null) {
    await authorize(actor, WebhookPolicy, 'manage')
    const rows = await db.from('webhook_subscriptions').orderBy('id', 'asc')
    return rows.map(subscriptionJson)
  }

  async find(id: number, actor: AuthUser | null) {
    await authorize(actor, WebhookPolicy, 'manage')
    const row = await db.from('webhook_subscriptions').where('id', id).first()
    if (!row) throw AppException.notFound('Webhook')
    return subscriptionJson(row)
  }

  /** Enabling also clears the failure count, so a fixed endpoint starts afresh. */
  async setActive(id: number, active: boolean, actor: AuthUser | null) {
    await authorize(actor, WebhookPolicy, 'manage')
    const changed = await db
      .from('webhook_subscriptions')
      .where('id', id)
      .update(
        active
          ? { active: true, consecutive_failures: 0, disabled_reason: null, updated_at: sqlNow() }
          : { active: false, disabled_reason: 'Disabled by an operator', updated_at: sqlNow() }
      )
    if (!Number(changed)) throw AppException.notFound('Webhook')
    return this.find(id, actor)
  }

  async rotateSecret(id: number, actor: AuthUser | null) {
    await authorize(actor, WebhookPolicy, 'manage')
    const secret = WebhookSecret.generate()
    const changed = await db
      .from('webhook_subscriptions')
      .where('id', id)
      .update({ secret_encrypted: WebhookSecret.seal(secret), updated_at: sqlNow() })
    if (!Number(changed)) throw AppException.notFound('Webhook')
    return { subscription: await this.find(id, actor), secret }
  }

  /** Deletes the subscription and its delivery log (ON DELETE CASCADE, one statement). */
  async delete(id: number, actor: AuthUser | null) {
    await authorize(actor, WebhookPolicy, 'manage')
    const deleted = await db.transaction(async (trx) => {
      // SQLite enforces the cascade only with foreign keys on; deleting explicitly works on both.
      await trx.from('webhook_deliveries').where('subscription_id', id).delete()
      return trx.from('webhook_subscriptions').where('id', id).delete()
    })
    if (!Number(deleted)) throw AppException.notFound('Webhook')
  }

  /** Queues a dead (or delivered) delivery again, as a fresh first attempt. */
  async redeliver(deliveryId: number, actor: AuthUser | null) {
    await authorize(actor, WebhookPolicy, 'manage')
    const changed = await db
      .from('webhook_deliveries')
      .where('id', deliveryId)
      .whereIn('status', ['dead', 'delivered'])
      .update({
        status: 'pending',
        attempts: 0,
        next_attempt_at: sqlNow(),
        locked_until: null,
        lock_token: null,
        updated_at: sqlNow(),
      })
    if (!Number(changed)) throw AppException.notFound('Dead or delivered delivery')
  }
}
