import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import User from '#accounts/models/user'
import Role, { type RoleName } from '#accounts/models/role'
import { AppException } from '#core/exceptions/app_exception'
import { isUniqueViolation } from '#core/database/is_unique_violation'
import { UserNameIndex } from '#accounts/services/user_name_index'
import { nameSkeleton } from '#accounts/domain/name_skeleton'
import { AccountMails } from '#accounts/services/account_mails'

export interface RegisterUserInput {
  name: string
  email: string
  password: string
  role?: RoleName
  /** An operator vouches for the address (`user:create`): no verification mail. */
  verified?: boolean
}

/**
 * Creates an account. Name and email are unique regardless of case; the
 * pre-check names the field, the unique indexes settle races (409 too).
 * The verification mail is queued in the same transaction.
 */
export class RegisterUser {
  async handle(input: RegisterUserInput) {
    await assertAvailable(input.name, input.email)
    const role = await Role.findByOrFail('name', input.role ?? 'user')
    const password = await hash.make(input.password)

    try {
      const user = await db.transaction(async (trx) => {
        const created = await User.create(
          {
            name: input.name,
            email: input.email,
            password,
            roleId: role.id,
            tokenVersion: 1,
            emailVerifiedAt: input.verified ? DateTime.utc() : null,
          },
          { client: trx }
        )
        await UserNameIndex.putMany(trx, [created])
        if (!input.verified) await AccountMails.emailVerification(trx, created, created.email)
        return created
      })
      await emitter.emit('user:registered', { userId: user.id, name: user.name, role: role.name })
      return user
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppException.conflict('The name or email is already taken')
      throw error
    }
  }
}

/**
 * 409 naming the field when another account already uses the name or email,
 * or a name that looks the same (nameSkeleton).
 */
export async function assertAvailable(name?: string, email?: string, exceptUserId?: number) {
  if (name !== undefined) {
    const query = User.query().where((where) =>
      where.where('name', name).orWhere('name_skeleton', nameSkeleton(name))
    )
    if (exceptUserId) query.whereNot('id', exceptUserId)
    const taken = await query.first()
    if (taken) {
      throw AppException.conflict(
        taken.name.toLowerCase() === name.toLowerCase()
          ? 'This name is already taken'
          : 'This name looks like one that is already taken',
        'name'
      )
    }
  }
  if (email !== undefined) {
    const query = User.query().where('email', email)
    if (exceptUserId) query.whereNot('id', exceptUserId)
    if (await query.first()) throw AppException.conflict('This email is already taken', 'email')
  }
}
