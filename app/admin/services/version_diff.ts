import { diffWordsWithSpace, type ChangeObject } from 'diff'

export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

export interface VersionDiff {
  title: DiffPart[]
  content: DiffPart[]
  /** The parts as escaped HTML with <ins> and <del> (white space kept for pre-wrap). */
  titleHtml: string
  contentHtml: string
  added: number
  removed: number
}

interface VersionText {
  title: string
  content: string
}

/**
 * A word-level diff of two versions (title and content), white space kept
 * so line breaks show. The view marks parts with <ins> and <del>, which
 * screen readers announce as well. A pathological pair that takes too long
 * to diff is shown as "all removed, all added" instead of blocking.
 */
export function versionDiff(from: VersionText, to: VersionText): VersionDiff {
  const title = parts(from.title, to.title)
  const content = parts(from.content, to.content)
  const words = (kind: DiffPart['kind']) =>
    [...title, ...content]
      .filter((part) => part.kind === kind)
      .reduce((sum, part) => sum + (part.text.match(/\S+/g)?.length ?? 0), 0)
  return {
    title,
    content,
    titleHtml: diffHtml(title),
    contentHtml: diffHtml(content),
    added: words('added'),
    removed: words('removed'),
  }
}

/**
 * Built here rather than in the view: Edge tags must stand on their own
 * lines, which would put line breaks between parts of a pre-wrap text.
 */
export function diffHtml(list: DiffPart[]) {
  return list
    .map((part) => {
      const text = escapeHtml(part.text)
      if (part.kind === 'added') return `<ins>${text}</ins>`
      if (part.kind === 'removed') return `<del>${text}</del>`
      return text
    })
    .join('')
}

function escapeHtml(text: string) {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!
  )
}

function parts(before: string, after: string): DiffPart[] {
  const changes: ChangeObject<string>[] | undefined = diffWordsWithSpace(before, after, {
    timeout: 500,
  })
  if (!changes) {
    return [
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ].filter((part) => part.text !== '') as DiffPart[]
  }
  return changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }))
}
