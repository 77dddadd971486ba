import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { API_TOKENS_TABLE } from '#accounts/services/api_token_store'

/**
 * Deletes every personal API token of the user, inside the caller's
 * transaction: a password change or reset, a block and an account
 * deletion end them all. The next request with one answers 401.
 */
export async function revokeApiTokens(userId: number, trx: TransactionClientContract) {
  await trx.from(API_TOKENS_TABLE).where('tokenable_id', userId).delete()
}
