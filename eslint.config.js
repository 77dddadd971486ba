import { configApp } from '@adonisjs/eslint-config'

export default configApp({
  // `(await client.get(url)).assertStatus(200)` reads best in tests and scripts.
  files: ['tests/**/*.ts', 'app/*/tests/**/*.ts', 'bench/**/*.ts'],
  rules: { '@unicorn/no-await-expression-member': 'off' },
})
