/** The URL of the HTTP server the functional suite starts. */
export function baseUrl() {
  return `http://${process.env.HOST}:${process.env.PORT}`
}
