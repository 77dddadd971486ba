import vine, { SimpleMessagesProvider } from '@vinejs/vine'

/**
 * Clear messages for the rules whose default text says too little.
 */
vine.messagesProvider = new SimpleMessagesProvider({
  'name.regex': 'The name may contain only letters and digits',
  'password.regex': 'The password must not contain spaces',
  'password_confirmation.confirmed': 'The password confirmation does not match',
  'required': 'The {{ field }} field is required',
})
