import { test } from '@japa/runner'
import { uploadImageSources } from '#uploads/services/upload_image_sources'
import { withSettings } from '#uploads/tests/helpers'
import config from '#uploads/config'

/** The origins a page's CSP must allow for upload thumbnails (the admin panel's img-src). */
test.group('uploadImageSources', (group) => {
  let restore: (() => void) | undefined
  group.each.teardown(() => {
    restore?.()
    restore = undefined
  })

  const s3 = (change: Partial<ReturnType<typeof config.get>['s3']>) =>
    withSettings({ disk: 's3', s3: { ...config.get().s3, bucket: 'board-uploads', ...change } })

  test('fs: nothing beyond the page’s own origin (and APP_URL’s when set)', ({ assert }) => {
    restore = withSettings({ disk: 'fs' })
    assert.notInclude(uploadImageSources().join(' '), 'amazonaws')
  })

  test('s3: the bucket the redirect goes to, path-style or virtual-hosted', ({ assert }) => {
    restore = s3({ endpoint: 'http://127.0.0.1:9000/', forcePathStyle: true })
    assert.include(uploadImageSources(), 'http://127.0.0.1:9000')
    restore()
    restore = s3({ endpoint: 'https://s3.example.com', forcePathStyle: false })
    assert.include(uploadImageSources(), 'https://board-uploads.s3.example.com')
    restore()
    restore = s3({ endpoint: undefined, region: 'eu-west-3', forcePathStyle: false })
    assert.include(uploadImageSources(), 'https://board-uploads.s3.eu-west-3.amazonaws.com')
  })
})
