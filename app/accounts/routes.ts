import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { throttleLogin, throttleSignup } from '#accounts/limiters'

const AccountController = () => import('#accounts/controllers/account_controller')
const SessionController = () => import('#accounts/controllers/session_controller')
const PasswordController = () => import('#accounts/controllers/password_controller')

// Public profiles.
const PublicProfileController = () => import('#accounts/controllers/public_profile_controller')

router
  .group(() => {
    router.post('/user', [AccountController, 'store']).use(throttleSignup)
    router.post('/user/login', [SessionController, 'login']).use(throttleLogin)
    router.post('/user/token', [SessionController, 'refresh']).use(throttleLogin)

    router
      .group(() => {
        router.post('/user/logout', [SessionController, 'logout'])
        router.get('/user/me', [AccountController, 'show'])
        router.put('/user', [AccountController, 'update'])
        router.put('/user/password', [PasswordController, 'update'])
        router.delete('/user', [AccountController, 'destroy'])
      })
      .use(middleware.auth())

    // Public profiles: anyone may read them (the member's posts and comments are the board's).
    router.get('/users/:name', [PublicProfileController, 'show'])
  })
  .prefix('/api/v1')
