import emitter from '@adonisjs/core/services/emitter'
import { BoardCache } from '#board/services/board_cache'

/** Author names are shown in cached lists and posts: account changes drop them. */
emitter.on('user:updated', () => BoardCache.everythingChanged())
emitter.on('user:deleted', () => BoardCache.everythingChanged())
