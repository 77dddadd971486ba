import { configApp } from '@adonisjs/eslint-config'

export default configApp({
  // `(await client.get(url)).assertStatus(200)` reads best in tests.
  files: ['tests/**/*.ts', 'app/*/tests/**/*.ts'],
  rules: { '@unicorn/no-await-expression-member': 'off' },
})
