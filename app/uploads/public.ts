/**
 * The uploads plugin's public entry: the only file other plugins may
 * import. Everything else in app/uploads is private.
 */
import '#uploads/events/upload_events'

// Who may see, delete and browse uploads (Bouncer policy).
export { default as UploadPolicy } from '#uploads/policies/upload_policy'
// Removing an upload (checks UploadPolicy.delete; emits upload:deleted).
export { DeleteUpload } from '#uploads/actions/delete_upload'
// Staff's read model: everyone's uploads by age or size, and members' usage against the quota.
export {
  UploadDirectory,
  UPLOAD_SORTS,
  type UploadSort,
  type UploadEntry,
  type UploadListFilters,
  type UploadUsage,
} from '#uploads/queries/upload_directory'
// Where images of the upload disk may come from, for a page's Content-Security-Policy.
export { uploadImageSources } from '#uploads/services/upload_image_sources'
