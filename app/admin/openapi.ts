import { defineOpenApi, schemas, text, type OpenApiOperation } from '#core/openapi/openapi_fragment'
import { requestSchema, type Validator } from '#core/openapi/request_schema'
import * as v from '#admin/validators/admin_validators'
import { pluginOn } from '#admin/services/plugin_pages'

/**
 * The panel's routes are HTML pages and form posts for a browser with a
 * session cookie, not JSON API; they are listed so the document covers
 * every route the app answers.
 */
const page = (summary: string): OpenApiOperation => ({
  summary,
  responses: {
    200: text('text/html', 'HTML page'),
    302: { description: 'Not signed in: redirect to /admin/login' },
    403: { description: 'Signed in, but not staff (HTML page)' },
  },
})

/** A form post: the fields of its validator, and the page's CSRF token. */
function form(summary: string, validator?: Validator): OpenApiOperation {
  const schema = validator ? requestSchema(validator) : { type: 'object', properties: {} }
  schema.properties._csrf = { type: 'string', description: 'Or the X-CSRF-TOKEN header' }
  return {
    summary,
    requestBody: { content: { 'application/x-www-form-urlencoded': { schema } } },
    responses: {
      302: { description: 'Done or refused: redirect back with a flash message' },
      403: { description: 'Missing CSRF token, or not allowed (HTML page)' },
    },
  }
}

export default defineOpenApi({
  tag: {
    name: 'admin',
    description: 'The admin panel (HTML, session cookie, CSRF); see docs/admin.md',
  },
  params: { id: schemas.id, version: schemas.id, token: schemas.id },
  routes: {
    'GET /admin/assets/admin.css': {
      summary: 'The panel stylesheet',
      responses: { 200: text('text/css', 'CSS') },
    },
    'GET /admin/login': page('Sign-in form'),
    'POST /admin/login': form('Sign in (staff only, rate limited)', v.signInValidator),
    'POST /admin/logout': form('Sign out'),
    'GET /admin': page('Dashboard: counts and posts per day'),
    'GET /admin/users': page('Users: search and pages'),
    'GET /admin/users/{id}': page("A user's posts, sign-ins and personal API tokens"),
    'POST /admin/users/{id}/block': form('Block with a reason', v.blockValidator),
    'POST /admin/users/{id}/unblock': form('Unblock'),
    'POST /admin/users/{id}/role': form('Change the role (admins only)', v.roleValidator),
    'POST /admin/users/{id}/tokens/{token}/revoke': form('Revoke a personal API token'),
    // The board's pages, registered only while the board plugin is switched on.
    ...(pluginOn('board') && {
      'GET /admin/categories': page('The category tree'),
      'GET /admin/categories/{name}': page(
        "A category's forms: rename, move, permissions, delete (404 for an unknown name)"
      ),
      'POST /admin/categories': form('Create a category', v.createCategoryValidator),
      'POST /admin/categories/{name}/rename': form('Rename a category', v.renameCategoryValidator),
      'POST /admin/categories/{name}/move': form('Move a category', v.moveCategoryValidator),
      'POST /admin/categories/{name}/delete': form('Delete a category', v.deleteCategoryValidator),
      'POST /admin/categories/{name}/permissions': form(
        'Set who may read, post and comment in a category (everyone, members, moderators, inherit)',
        v.categoryPermissionsValidator
      ),
      'GET /admin/posts': page('Recent and deleted posts, by board and author'),
      'GET /admin/posts/{id}': page('A post with its history and a diff of two versions'),
      'POST /admin/posts/{id}/delete': form('Soft-delete a post'),
      'POST /admin/posts/{id}/restore': form('Restore a post'),
      'POST /admin/posts/{id}/versions/{version}/restore': form(
        'Restore an old version as a new one'
      ),
      'GET /admin/comments': page('Recent and deleted comments'),
      'POST /admin/comments/{id}/delete': form('Soft-delete a comment'),
      'POST /admin/comments/{id}/restore': form('Restore a comment'),
    }),
    // Pages of other plugins, registered only while those plugins are switched on.
    ...(pluginOn('audit') && {
      'GET /admin/audit': page('Audit log: filters and pages (admins only)'),
    }),
    ...(pluginOn('uploads') && {
      'GET /admin/uploads': page(
        'Uploads of every member: newest or largest first, by uploader, cursor pages (staff)'
      ),
      'POST /admin/uploads/{id}/delete': form('Delete an upload'),
    }),
    ...(pluginOn('moderation') && {
      'GET /admin/reports': page(
        'The report queue: reported posts and comments with their reports, oldest first (staff)'
      ),
      'POST /admin/reports/{id}/resolve': form(
        'Resolve the reports of a post or comment: dismiss, delete, restore or block the author'
      ),
      'GET /admin/approvals': page(
        'The approval queue: posts of new members waiting for a moderator, oldest first (staff)'
      ),
      'POST /admin/approvals/{id}/approve': form('Approve a waiting post: it is published'),
      'POST /admin/approvals/{id}/reject': form(
        'Reject a waiting post (reason optional): it stays unpublished'
      ),
    }),
    ...(pluginOn('webhooks') && {
      'GET /admin/webhooks': page('Webhook subscriptions and recent deliveries (admins only)'),
      'POST /admin/webhooks/{id}/enable': form('Enable a subscription'),
      'POST /admin/webhooks/{id}/disable': form('Disable a subscription'),
    }),
  },
})
