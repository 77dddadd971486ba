import http from 'node:http'

/**
 * The yardstick: a bare node:http server answering a fixed JSON body of
 * the same size as a post. Results are reported as ratios to it, which
 * hold on any machine.
 */
const port = Number(process.argv[2] ?? 3501)
const body = process.argv[3] ?? '{"ok":true}'

http
  .createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    response.end(body)
  })
  .listen(port, '127.0.0.1', () => console.log(`bare server on ${port}`))
