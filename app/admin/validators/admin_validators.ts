import vine from '@vinejs/vine'
import { ROLE_NAMES } from '#accounts/public'

/** Optional text field; the body parser turns an empty input into null. */
const optionalText = (max: number) => vine.string().trim().maxLength(max).nullable().optional()

export const signInValidator = vine.create({
  username: vine.string().trim().minLength(1).maxLength(254),
  password: vine.string().minLength(1).maxLength(255),
})

export const blockValidator = vine.create({
  reason: optionalText(255),
})

export const roleValidator = vine.create({
  role: vine.enum(ROLE_NAMES),
})

export const createCategoryValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(50),
  parent: optionalText(50),
})

export const renameCategoryValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(50),
})

export const moveCategoryValidator = vine.create({
  parent: optionalText(50),
})

export const deleteCategoryValidator = vine.create({
  move_to: optionalText(50),
})

/**
 * A category's read, post and comment settings: a level (the board's ACCESS_LEVELS, written out:
 * this file loads with the board plugin switched off too), or `inherit` (the parent's).
 */
const accessSetting = () => vine.enum(['everyone', 'members', 'moderators', 'inherit'] as const)

export const categoryPermissionsValidator = vine.create({
  read: accessSetting(),
  post: accessSetting(),
  comment: accessSetting(),
})
