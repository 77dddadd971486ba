/*
|--------------------------------------------------------------------------
| Core event listeners
|--------------------------------------------------------------------------
|
| Plugins register their own listeners from their providers.
|
*/

import emitter from '@adonisjs/core/services/emitter'
import { logFastLaneRequest, logRequest } from '#core/logging/log_request'
import { fastLane } from '#core/http/fast_lane'

emitter.on('http:request_completed', logRequest)
fastLane.onServed(logFastLaneRequest)
