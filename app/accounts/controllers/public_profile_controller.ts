import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { ReadProfile } from '#accounts/actions/read_profile'

/** Public profiles: anyone may read them, without a token. */
export default class PublicProfileController {
  @inject()
  async show({ params }: HttpContext, readProfile: ReadProfile) {
    return readProfile.handle(String(params.name))
  }
}
