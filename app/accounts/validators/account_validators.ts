import vine from '@vinejs/vine'
import { USER_NAME } from '#accounts/domain/user_name'
import { nfkc } from '#core/validation/text_rules'

/** Stored in NFKC, so fullwidth or other compatibility forms are the plain name. */
const name = () => vine.string().trim().use(nfkc()).minLength(1).maxLength(100).regex(USER_NAME)

const email = () =>
  vine.string().trim().maxLength(254).email().normalizeEmail({ all_lowercase: true })

/** 8 to 255 characters, no white space. */
const password = () => vine.string().minLength(8).maxLength(255).regex(/^\S+$/)

export const signupValidator = vine.create({
  name: name(),
  email: email(),
  password: password().confirmed(),
})

export const loginValidator = vine.create({
  username: vine.string().trim().minLength(1).maxLength(254),
  password: vine.string().minLength(1).maxLength(255),
})

export const refreshTokenValidator = vine.create({
  refresh_token: vine.string().minLength(1).maxLength(512),
})

export const updateProfileValidator = vine.create({
  name: name().optional(),
  email: email().optional(),
})

export const changePasswordValidator = vine.create({
  current_password: vine.string().minLength(1).maxLength(255),
  password: password().confirmed(),
})

export const deleteAccountValidator = vine.create({
  current_password: vine.string().minLength(1).maxLength(255),
})

/** A reset or verification link's token (43 base64url characters as issued). */
const emailToken = () => vine.string().trim().minLength(1).maxLength(128)

export const forgotPasswordValidator = vine.create({
  email: email(),
})

export const resetPasswordValidator = vine.create({
  token: emailToken(),
  password: password().confirmed(),
})

export const verifyEmailValidator = vine.create({
  token: emailToken(),
})

/** `user:password`: the sign-up rule, without a confirmation field (the prompt asks twice). */
export const setPasswordValidator = vine.create({
  password: password(),
})
