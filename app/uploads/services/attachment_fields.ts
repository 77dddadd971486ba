import type { ContentExtension } from '#board/public'
import { schemas } from '#core/openapi/openapi_fragment'
import Upload from '#uploads/models/upload'
import { AttachUploads } from '#uploads/actions/attach_uploads'
import { attachmentJson, type AttachmentJson } from '#uploads/transformers/upload_json'

/**
 * The uploads plugin on the board's content extension point (registered by
 * the provider while the board is on): `attachments` of post and comment
 * writes are recorded in the write's transaction, and the JSON of posts,
 * comments and their versions lists each version's attachments, read in
 * one query per batch.
 */
export const attachmentFields: ContentExtension = {
  attachments: true,
  written: (write) => new AttachUploads().handle(write),
  fields: {
    attachments: {
      type: 'array',
      items: schemas.ref('Attachment'),
      description: "This version's uploads, in the order given (the uploads plugin)",
    },
  },
  presence: {
    condition: (kind, id, version) => ({
      sql: `exists (select 1 from upload_attachments as pa where pa.target_type = ? and pa.target_id = ${id} and pa.version = ${version})`,
      bindings: [kind],
    }),
    absent: { attachments: [] },
  },
  async load(kind, refs) {
    const uploads = await Upload.query()
      .join('upload_attachments as a', 'a.upload_id', 'uploads.id')
      .where('a.target_type', kind)
      .whereIn(
        ['a.target_id', 'a.version'],
        refs.map((ref) => [ref.id, ref.version])
      )
      .orderBy('a.position', 'asc')
      .select('uploads.*', 'a.target_id as attached_to', 'a.version as attached_version')
    const byVersion = new Map<string, AttachmentJson[]>()
    for (const upload of uploads) {
      const key = `${upload.$extras.attached_to}:${upload.$extras.attached_version}`
      byVersion.set(key, [...(byVersion.get(key) ?? []), attachmentJson(upload)])
    }
    return refs.map((ref) => ({ attachments: byVersion.get(`${ref.id}:${ref.version}`) ?? [] }))
  },
}
