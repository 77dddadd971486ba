import { BaseModel, column } from '@adonisjs/lucid/orm'

export const ROLE_NAMES = ['admin', 'moderator', 'user'] as const
export type RoleName = (typeof ROLE_NAMES)[number]

export default class Role extends BaseModel {
  static table = 'roles'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: RoleName
}
