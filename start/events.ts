/*
|--------------------------------------------------------------------------
| Core event listeners
|--------------------------------------------------------------------------
|
| Plugins register their own listeners from their providers.
|
*/

import emitter from '@adonisjs/core/services/emitter'
import { logRequest } from '#core/logging/log_request'

emitter.on('http:request_completed', logRequest)
