import http from 'node:http'
// @ts-expect-error bcrypt ships no types; two calls are used here.
import bcrypt from 'bcrypt'

/**
 * The yardsticks, served over the same HTTP and driven by the same load
 * generator as the app, so results are ratios that hold on any machine:
 * - any GET: a fixed JSON body of the same size as a post;
 * - POST /login: parse the JSON body and bcrypt.compare its password at the
 *   app's cost (10), the physical limit of a login.
 */
const port = Number(process.argv[2] ?? 3501)
const body = process.argv[3] ?? '{"ok":true}'
const hash = await bcrypt.hash('demo-password', 10)

http
  .createServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      return response.end(body)
    }
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', async () => {
      const { password } = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      const ok: boolean = await bcrypt.compare(password, hash)
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json; charset=utf-8' })
      response.end(JSON.stringify({ ok }))
    })
  })
  .listen(port, '127.0.0.1', () => console.log(`bare server on ${port}`))
