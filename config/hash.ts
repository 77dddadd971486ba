import { defineConfig, drivers } from '@adonisjs/core/hash'

/**
 * bcrypt as in the original board. Hashes are stored in PHC form and
 * verified in constant time by the driver.
 */
const hashConfig = defineConfig({
  default: 'bcrypt',
  list: {
    bcrypt: drivers.bcrypt({
      rounds: 10,
      saltSize: 16,
      version: 98,
    }),
  },
})

export default hashConfig

declare module '@adonisjs/core/types' {
  export interface HashersList extends InferHashers<typeof hashConfig> {}
}
