const ACTIONS: Record<string, string> = {
  post_deleted: 'deleted your post',
  post_restored: 'restored your post',
  post_rejected: 'rejected your post',
  post_version_restored: 'restored an earlier version of your post',
  comment_deleted: 'deleted your comment on',
  comment_restored: 'restored your comment on',
}

/** One line of a digest mail: who did what, about which post. */
export function describe(kind: string, actor: string | null, data: Record<string, unknown>) {
  const who = actor ?? 'Someone'
  const title = `"${String(data.title ?? '')}"`
  switch (kind) {
    case 'mention':
      return `${who} mentioned you in ${title}`
    case 'reply_to_comment':
      return `${who} replied to your comment on ${title}`
    case 'reply_to_post':
      return `${who} replied to your post ${title}`
    case 'watched_post':
      return `${who} commented on ${title}, which you watch`
    case 'watched_category':
      return `${who} posted ${title} in a category you watch`
    case 'moderation':
      return `A moderator ${ACTIONS[String(data.action)] ?? 'acted on your content in'} ${title}`
    default:
      return `${who}: ${title}`
  }
}
