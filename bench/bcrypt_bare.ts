// @ts-expect-error bcrypt ships no types; two calls are used here.
import bcrypt from 'bcrypt'

/**
 * The physical limit of login: bcrypt.compare at the app's cost (10),
 * with as many compares in flight as the load generator keeps requests.
 */
const seconds = Number(process.argv[2] ?? 8)
const parallel = Number(process.argv[3] ?? 20)
const hash = await bcrypt.hash('demo-password', 10)
const deadline = Date.now() + seconds * 1000
let done = 0
await Promise.all(
  Array.from({ length: parallel }, async () => {
    while (Date.now() < deadline) {
      await bcrypt.compare('demo-password', hash)
      done++
    }
  })
)
console.log(JSON.stringify({ perSecond: done / seconds }))
