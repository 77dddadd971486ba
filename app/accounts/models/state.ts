import { BaseModel, column } from '@adonisjs/lucid/orm'

export const STATE_NAMES = ['blocked', 'deactivated'] as const
export type StateName = (typeof STATE_NAMES)[number]

export default class State extends BaseModel {
  static table = 'states'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: StateName
}
