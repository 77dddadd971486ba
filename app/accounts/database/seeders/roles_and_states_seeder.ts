import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { ROLE_NAMES } from '#accounts/models/role'
import { STATE_NAMES } from '#accounts/models/state'

/** Base data; safe to run any number of times. */
export default class RolesAndStatesSeeder extends BaseSeeder {
  static environment = ['development', 'production', 'test']

  async run() {
    for (const name of ROLE_NAMES) {
      await this.client.table('roles').insert({ name }).onConflict('name').ignore()
    }
    for (const name of STATE_NAMES) {
      await this.client.table('states').insert({ name }).onConflict('name').ignore()
    }
  }
}
