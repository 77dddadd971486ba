import { defineOpenApi, route, schemas, shape } from '#core/openapi/openapi_fragment'
import type { UploadJson } from '#uploads/transformers/upload_json'

const auth = true

/** The multipart body of POST /uploads (route() describes JSON bodies only). */
const multipartFile = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description:
              'The file. Its type is decided from its bytes (UPLOAD_TYPES); a declared part type ' +
              'that contradicts them is refused',
          },
        },
        required: ['file'],
      },
      encoding: {
        file: {
          contentType: 'image/jpeg, image/png, image/gif, image/webp, application/pdf, text/plain',
        },
      },
    },
  },
}

const upload = route('Upload a file (multipart, field "file")', {
  auth,
  description:
    'Images are re-encoded: EXIF/GPS dropped, orientation applied, a WebP thumbnail made. ' +
    '413 E_PAYLOAD_TOO_LARGE past UPLOAD_MAX_MB, 413 E_QUOTA_EXCEEDED past UPLOAD_QUOTA_MB; ' +
    '422 E_UNSUPPORTED_MEDIA for an unknown, unlisted or disguised type, E_IMAGE_TOO_LARGE past ' +
    'UPLOAD_MAX_MEGAPIXELS, E_ANIMATED_IMAGE when UPLOAD_ANIMATED=refuse. 503 ' +
    'E_SERVICE_UNAVAILABLE when the server cannot store the file (temporary folder or disk ' +
    'refusing the write); nothing is kept and the same request may be sent again.',
  201: 'Upload',
  errors: [413, 422, 429],
})
upload.requestBody = multipartFile

const serveFile = route('An uploaded file, or its thumbnail (<id>_thumb.webp)', {
  description:
    'On the fs disk the file itself, with an immutable Cache-Control and an ETag; images ' +
    'inline, other files as attachments. On S3 a redirect to a signed URL.',
  200: { description: 'The file' },
  302: { description: 'DRIVE_DISK=s3: a signed URL of the bucket' },
  304: { description: 'Not modified (If-None-Match)' },
})
serveFile.responses[200].content = {
  '*/*': { schema: { type: 'string', format: 'binary' } },
}

/** OpenAPI of the uploads plugin's routes (app/uploads/routes.ts). */
export default defineOpenApi({
  tag: { name: 'uploads', description: 'Images and files members upload' },
  params: {
    id: schemas.id,
    file: { type: 'string', pattern: '^[a-f0-9]{32}(_thumb)?\\.[a-z0-9]{1,10}$' },
  },
  routes: {
    'POST /api/v1/uploads': upload,
    'GET /api/v1/uploads/{id}': route('An upload (the uploader and staff)', {
      auth,
      200: 'Upload',
    }),
    'DELETE /api/v1/uploads/{id}': route('Delete an upload (the uploader and staff)', {
      auth,
      204: null,
    }),
    'GET /uploads/{file}': serveFile,
  },
  schemas: {
    Upload: shape<UploadJson>({
      id: schemas.id,
      url: schemas.string,
      content_type: schemas.string,
      size: schemas.count,
      width: schemas.nullable(schemas.count),
      height: schemas.nullable(schemas.count),
      thumbnail_url: schemas.nullable(schemas.string),
      created_at: schemas.dateTime,
    }),
  },
})
