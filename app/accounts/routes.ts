import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { throttleLogin, throttleSignup } from '#accounts/limiters'
import { throttleEmailLinks } from '#accounts/limiters'

const AccountController = () => import('#accounts/controllers/account_controller')
const SessionController = () => import('#accounts/controllers/session_controller')
const PasswordController = () => import('#accounts/controllers/password_controller')
const EmailLinkController = () => import('#accounts/controllers/email_link_controller')

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

    /* issue #21 email block: password reset and email verification (docs/api.md) */
    router.post('/user/password/forgot', [EmailLinkController, 'forgot']).use(throttleEmailLinks)
    router.post('/user/password/reset', [EmailLinkController, 'reset']).use(throttleEmailLinks)
    router.post('/user/email/verify', [EmailLinkController, 'verify']).use(throttleEmailLinks)
    router
      .post('/user/email/verification', [EmailLinkController, 'resend'])
      .use([middleware.auth(), throttleEmailLinks])
    /* end of issue #21 email block */
  })
  .prefix('/api/v1')
