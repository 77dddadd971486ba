import { defineOpenApi, type OpenApiOperation } from '#core/openapi/openapi_fragment'
import { pluginOn } from '#admin/services/plugin_pages'

/**
 * The panel's routes are HTML pages and form posts for a browser with a
 * session cookie, not JSON API; they are listed so the document covers
 * every route the app answers.
 */
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } })

function page(summary: string, params: string[] = []): OpenApiOperation {
  return {
    tags: ['admin'],
    summary,
    parameters: params.map(path),
    responses: {
      200: { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } },
      302: { description: 'Not signed in: redirect to /admin/login' },
      403: { description: 'Signed in, but not staff (HTML page)' },
    },
  }
}

function form(summary: string, params: string[] = []): OpenApiOperation {
  return {
    tags: ['admin'],
    summary,
    parameters: params.map(path),
    requestBody: {
      content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } },
    },
    responses: {
      302: { description: 'Done or refused: redirect back with a flash message' },
      403: { description: 'Missing CSRF token, or not allowed (HTML page)' },
    },
  }
}

export default defineOpenApi({
  tags: [
    {
      name: 'admin',
      description: 'The admin panel (HTML, session cookie, CSRF); see docs/admin.md',
    },
  ],
  paths: {
    '/admin/assets/admin.css': {
      get: {
        tags: ['admin'],
        summary: 'The panel stylesheet',
        responses: {
          200: { description: 'CSS', content: { 'text/css': { schema: { type: 'string' } } } },
        },
      },
    },
    '/admin/login': { get: page('Sign-in form'), post: form('Sign in (staff only, rate limited)') },
    '/admin/logout': { post: form('Sign out') },
    '/admin': { get: page('Dashboard: counts and posts per day') },
    '/admin/users': { get: page('Users: search and pages') },
    '/admin/users/{id}': { get: page("A user's posts and sign-ins", ['id']) },
    '/admin/users/{id}/block': { post: form('Block with a reason', ['id']) },
    '/admin/users/{id}/unblock': { post: form('Unblock', ['id']) },
    '/admin/users/{id}/role': { post: form('Change the role (admins only)', ['id']) },
    // The board's pages, registered only while the board plugin is switched on.
    ...(pluginOn('board')
      ? {
          '/admin/categories': { get: page('The category tree'), post: form('Create a category') },
          '/admin/categories/{name}/rename': { post: form('Rename a category', ['name']) },
          '/admin/categories/{name}/move': { post: form('Move a category', ['name']) },
          '/admin/categories/{name}/delete': { post: form('Delete a category', ['name']) },
          '/admin/posts': { get: page('Recent and deleted posts, by board and author') },
          '/admin/posts/{id}': {
            get: page('A post with its history and a diff of two versions', ['id']),
          },
          '/admin/posts/{id}/delete': { post: form('Soft-delete a post', ['id']) },
          '/admin/posts/{id}/restore': { post: form('Restore a post', ['id']) },
          '/admin/posts/{id}/versions/{version}/restore': {
            post: form('Restore an old version as a new one', ['id', 'version']),
          },
          '/admin/comments': { get: page('Recent and deleted comments') },
          '/admin/comments/{id}/delete': { post: form('Soft-delete a comment', ['id']) },
          '/admin/comments/{id}/restore': { post: form('Restore a comment', ['id']) },
        }
      : {}),
    // Pages of other plugins, registered only while those plugins are switched on.
    ...(pluginOn('audit')
      ? { '/admin/audit': { get: page('Audit log: filters and pages (admins only)') } }
      : {}),
    ...(pluginOn('webhooks')
      ? {
          '/admin/webhooks': {
            get: page('Webhook subscriptions and recent deliveries (admins only)'),
          },
          '/admin/webhooks/{id}/enable': { post: form('Enable a subscription', ['id']) },
          '/admin/webhooks/{id}/disable': { post: form('Disable a subscription', ['id']) },
        }
      : {}),
  },
})
