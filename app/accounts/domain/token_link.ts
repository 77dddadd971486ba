/**
 * The link a mail carries: the frontend page's URL with `token` added to
 * its query (other parameters and a fragment are kept).
 */
export function tokenLink(pageUrl: string, token: string) {
  const url = new URL(pageUrl)
  url.searchParams.set('token', token)
  return url.toString()
}
