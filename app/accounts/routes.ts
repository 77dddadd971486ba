import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import {
  throttleApiTokens,
  throttleEmailLinks,
  throttleLogin,
  throttleSignup,
} from '#accounts/limiters'

const AccountController = () => import('#accounts/controllers/account_controller')
const SessionController = () => import('#accounts/controllers/session_controller')
const PasswordController = () => import('#accounts/controllers/password_controller')
const ApiTokensController = () => import('#accounts/controllers/api_tokens_controller')
const EmailLinkController = () => import('#accounts/controllers/email_link_controller')

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

    // Password reset and email verification (docs/api.md).
    router.post('/user/password/forgot', [EmailLinkController, 'forgot']).use(throttleEmailLinks)
    router.post('/user/password/reset', [EmailLinkController, 'reset']).use(throttleEmailLinks)
    router.post('/user/email/verify', [EmailLinkController, 'verify']).use(throttleEmailLinks)
    router
      .post('/user/email/verification', [EmailLinkController, 'resend'])
      .use([middleware.auth(), throttleEmailLinks])
    // Public profiles: anyone may read them (the member's posts and comments are the board's).
    router.get('/users/:name', [PublicProfileController, 'show'])
  })
  .prefix('/api/v1')

// Personal API tokens: managed with a login's JWT only, so a token cannot mint tokens.
router
  .group(() => {
    router.post('/user/tokens', [ApiTokensController, 'store']).use(throttleApiTokens)
    router.get('/user/tokens', [ApiTokensController, 'index'])
    router
      .delete('/user/tokens/:id', [ApiTokensController, 'destroy'])
      .where('id', router.matchers.number())
  })
  .prefix('/api/v1')
  .use(middleware.auth({ apiTokens: false }))
