import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import {
  deleteAccountValidator,
  signupValidator,
  updateProfileValidator,
} from '#accounts/validators/account_validators'
import { RegisterUser } from '#accounts/actions/register_user'
import { UpdateProfile } from '#accounts/actions/update_profile'
import { DeleteAccount } from '#accounts/actions/delete_account'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { userJson } from '#accounts/transformers/user_transformer'

export default class AccountController {
  @inject()
  async store({ request, response }: HttpContext, registerUser: RegisterUser) {
    const payload = await request.validateUsing(signupValidator)
    const user = await registerUser.handle(payload)
    const snapshot = await AuthUserLookup.load(user.id)
    return response.created(userJson(snapshot!))
  }

  async show({ auth }: HttpContext) {
    return userJson(auth.getUserOrFail())
  }

  @inject()
  async update({ auth, request }: HttpContext, updateProfile: UpdateProfile) {
    const changes = await request.validateUsing(updateProfileValidator)
    const user = auth.getUserOrFail()
    await updateProfile.handle(user.id, changes)
    return userJson((await AuthUserLookup.load(user.id))!)
  }

  @inject()
  async destroy({ auth, request, response }: HttpContext, deleteAccount: DeleteAccount) {
    const { current_password: currentPassword } =
      await request.validateUsing(deleteAccountValidator)
    await deleteAccount.handle(auth.getUserOrFail().id, currentPassword)
    return response.noContent()
  }
}
