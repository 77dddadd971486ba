import type { AuthUser } from '#accounts/public'
import { allows } from '#core/authorization/authorize'
import { adminPages } from '#core/plugins/admin_pages'

export { pluginOn } from '#core/plugins/plugin_on'

/**
 * The pages of other plugins the panel implements, by path: the plugin that
 * must be switched on, and the owner's policy that decides who gets the
 * link (the page's actions ask the same policy). The public entry is
 * imported only when the link is about to show, so a switched-off plugin
 * is never loaded.
 */
const PLUGIN_PAGES: Record<
  string,
  { plugin: string; shows: (staff: AuthUser) => Promise<boolean> }
> = {
  '/admin/audit': {
    plugin: 'audit',
    shows: async (staff) => {
      const { AuditPolicy } = await import('#audit/public')
      return allows(staff, AuditPolicy, 'read')
    },
  },
  '/admin/reports': {
    plugin: 'moderation',
    shows: async (staff) => {
      const { ReportPolicy } = await import('#moderation/public')
      return allows(staff, ReportPolicy, 'moderate')
    },
  },
  '/admin/approvals': {
    plugin: 'moderation',
    shows: async (staff) => {
      const { ApprovalPolicy } = await import('#moderation/public')
      return allows(staff, ApprovalPolicy, 'decide')
    },
  },
  '/admin/uploads': {
    plugin: 'uploads',
    shows: async (staff) => {
      const { UploadPolicy } = await import('#uploads/public')
      return allows(staff, UploadPolicy, 'browse')
    },
  },
  '/admin/webhooks': {
    plugin: 'webhooks',
    shows: async (staff) => {
      const { WebhookPolicy } = await import('#webhooks/public')
      return allows(staff, WebhookPolicy, 'manage')
    },
  },
}

/**
 * The navigation links for the pages switched-on plugins declare
 * (`adminPages` in their manifests) that the panel implements and the
 * owner's policy lets this staff member see; others are skipped.
 */
export async function pluginNav(staff: AuthUser): Promise<{ href: string; label: string }[]> {
  const links = []
  for (const page of adminPages()) {
    const known = PLUGIN_PAGES[page.path]
    if (known?.plugin === page.plugin && (await known.shows(staff))) {
      links.push({ href: page.path, label: page.title })
    }
  }
  return links
}
