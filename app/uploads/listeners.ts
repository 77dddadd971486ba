import { defineListeners } from '#core/plugins/plugin_listeners'
import { RemoveAvatar } from '#uploads/actions/remove_avatar'

export default defineListeners({
  // A deleted account's picture is personal data: accounts cleared the template, the files go here.
  'user:deleted': ({ userId }) => new RemoveAvatar().ofDeletedAccount(userId),
})
