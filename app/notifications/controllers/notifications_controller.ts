import type { HttpContext } from '@adonisjs/core/http'
import { apiUser } from '#accounts/public'
import { AppException } from '#core/exceptions/app_exception'
import { decodeCursor } from '#notifications/domain/cursor'
import { NotificationCount } from '#notifications/services/notification_count'
import { NotificationList } from '#notifications/services/notification_list'
import { Preferences } from '#notifications/services/preferences'
import {
  listValidator,
  readValidator,
  settingsValidator,
} from '#notifications/validators/notification_validators'

export default class NotificationsController {
  async index({ auth, request }: HttpContext) {
    const query = await listValidator.validate(request.qs())
    const beforeId = query.cursor === undefined ? null : decodeCursor(query.cursor)
    if (query.cursor !== undefined && beforeId === null) {
      throw AppException.unprocessable('Invalid cursor', 'cursor')
    }
    return NotificationList.page(apiUser(auth).id, {
      unread: query.unread ?? false,
      size: query.size ?? 20,
      beforeId,
    })
  }

  async count({ auth }: HttpContext) {
    return { unread: await NotificationCount.get(apiUser(auth).id) }
  }

  async read({ auth, request }: HttpContext) {
    const body = await request.validateUsing(readValidator)
    return { read: await NotificationList.markRead(apiUser(auth).id, body) }
  }

  async settings({ auth }: HttpContext) {
    return Preferences.of(apiUser(auth).id)
  }

  async updateSettings({ auth, request }: HttpContext) {
    const changes = await request.validateUsing(settingsValidator)
    return Preferences.update(apiUser(auth).id, changes)
  }
}
