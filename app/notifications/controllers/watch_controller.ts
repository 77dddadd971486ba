import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { Watches } from '#notifications/services/watches'

export default class WatchController {
  async showPost({ auth, params }: HttpContext) {
    return Watches.isWatchingPost(apiUser(auth).id, Number(params.id))
  }

  async showCategory({ auth, params }: HttpContext) {
    return Watches.isWatchingCategory(apiUser(auth).id, String(params.category))
  }

  async watchPost({ auth, params }: HttpContext) {
    return Watches.watchPost(apiUser(auth).id, Number(params.id))
  }

  async unwatchPost({ auth, params }: HttpContext) {
    return Watches.unwatchPost(apiUser(auth).id, Number(params.id))
  }

  async watchCategory({ auth, params }: HttpContext) {
    return Watches.watchCategory(apiUser(auth).id, String(params.category))
  }

  async unwatchCategory({ auth, params }: HttpContext) {
    return Watches.unwatchCategory(apiUser(auth).id, String(params.category))
  }
}
