import { defineOpenApi, route, schemas, shape } from '#core/openapi/openapi_fragment'
import { AVATAR_SIZES } from '#uploads/domain/avatar_sizes'
import type { AttachmentJson, UploadJson } from '#uploads/transformers/upload_json'

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
    'inline, other files as attachments. On S3 a redirect to a signed URL. An upload attached ' +
    'only to deleted posts or comments answers 404, except to its uploader and staff sending ' +
    'their bearer token (then with Cache-Control: private, no-store).',
  200: { description: 'The file' },
  302: { description: 'DRIVE_DISK=s3: a signed URL of the bucket' },
  304: { description: 'Not modified (If-None-Match)' },
})
serveFile.responses[200].content = {
  '*/*': { schema: { type: 'string', format: 'binary' } },
}

/** The multipart body of PUT /user/avatar: an image only. */
const multipartAvatar = {
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
              'The picture: JPEG, PNG, GIF or WebP, decided from its bytes (an animation keeps ' +
              'its first frame). It is centre-cropped to a square and stored as WebP at ' +
              `${AVATAR_SIZES.join(', ')} pixels`,
          },
        },
        required: ['file'],
      },
      encoding: { file: { contentType: 'image/jpeg, image/png, image/gif, image/webp' } },
    },
  },
}

const setAvatar = route('Set the signed-in member\'s picture (multipart, field "file")', {
  auth,
  description:
    'Replaces the previous picture (its URLs then answer 404). The account, and every post, ' +
    'comment and profile by it, carries `avatar_template` from then on. 413 ' +
    'E_PAYLOAD_TOO_LARGE past UPLOAD_MAX_MB; 422 E_UNSUPPORTED_MEDIA for anything but an ' +
    'image (nothing changes), E_IMAGE_TOO_LARGE past UPLOAD_MAX_MEGAPIXELS. Rate limited with ' +
    'uploads (RATE_LIMIT_UPLOADS_PER_USER). Avatars do not count toward the upload quota.',
  200: 'Avatar',
  errors: [413, 422, 429],
})
setAvatar.requestBody = multipartAvatar

const serveAvatar = route("A member's picture at one size", {
  description:
    `\`{size}\` is ${AVATAR_SIZES.join(', ')}: the square WebP picture, as uploaded files are ` +
    'served (fs: the file, immutable; S3: a redirect to a signed URL). Another size from 1 to ' +
    '1000 redirects to the nearest stored one; an unknown or removed picture is 404.',
  200: { description: 'The picture (image/webp)' },
  302: { description: 'The nearest stored size, or (DRIVE_DISK=s3) a signed URL of the bucket' },
  304: { description: 'Not modified (If-None-Match)' },
  errors: [404],
})
serveAvatar.responses[200].content = {
  'image/webp': { schema: { type: 'string', format: 'binary' } },
}

/** OpenAPI of the uploads plugin's routes (app/uploads/routes.ts). */
export default defineOpenApi({
  tag: { name: 'uploads', description: 'Images and files members upload' },
  params: {
    id: schemas.id,
    avatar: { type: 'string', pattern: '^[a-f0-9]{32}$', description: "A picture's public id" },
    file: {
      type: 'string',
      description: 'An upload: `<id>.<ext>` or `<id>_thumb.webp`; an avatar: `<size>.webp`',
    },
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
    'PUT /api/v1/user/avatar': setAvatar,
    'DELETE /api/v1/user/avatar': route(
      "Remove the signed-in member's picture (back to the letter avatar)",
      { auth, description: 'Its files go; 204 also when there was none.', 204: null, errors: [429] }
    ),
    'GET /uploads/avatars/{avatar}/{file}': serveAvatar,
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
    Avatar: shape<{ avatar_template: string; sizes: number[] }>({
      avatar_template: {
        ...schemas.string,
        description: 'The picture as a URL template: replace `{size}` with one of `sizes`',
        example: '/uploads/avatars/3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6/{size}.webp',
      },
      sizes: { type: 'array', items: { enum: [...AVATAR_SIZES] } },
    }),
    // In the JSON of posts, comments and their versions (the board's content extension point).
    Attachment: shape<AttachmentJson>({
      id: schemas.id,
      url: schemas.string,
      content_type: schemas.string,
      size: schemas.count,
      width: schemas.nullable(schemas.count),
      height: schemas.nullable(schemas.count),
      thumbnail_url: schemas.nullable(schemas.string),
    }),
  },
})
