import { test } from '@japa/runner'
import { contentDisposition, contradicts, normalizeType } from '#uploads/domain/media_type'
import { parseServedFile, storageKeys } from '#uploads/domain/storage_key'
import {
  avatarKeys,
  avatarTemplate,
  nearestAvatarSize,
  parseAvatarFile,
} from '#uploads/domain/avatar_sizes'

test.group('Upload rules', () => {
  test('a declared type contradicts the bytes unless it is generic or text for text', ({
    assert,
  }) => {
    assert.isTrue(contradicts('image/png', 'application/pdf'))
    assert.isTrue(contradicts('image/png', 'image/jpeg'))
    assert.isTrue(contradicts('application/pdf', 'text/plain'))
    assert.isFalse(contradicts('image/jpeg', 'image/jpeg'))
    assert.isFalse(contradicts('', 'image/png'))
    assert.isFalse(contradicts('application/octet-stream', 'application/pdf'))
    assert.isFalse(contradicts('text/csv', 'text/plain'))
    assert.equal(normalizeType('Image/JPG; charset=x'), 'image/jpeg')
  })

  test('served file names are a public id and an extension, nothing else', ({ assert }) => {
    const id = 'a'.repeat(32)
    assert.deepEqual(parseServedFile(`${id}.jpg`), {
      publicId: id,
      thumbnail: false,
      extension: 'jpg',
    })
    assert.isTrue(parseServedFile(`${id}_thumb.webp`)!.thumbnail)
    for (const bad of [
      '../etc/passwd',
      `${id}.jpg/..`,
      `${id}`,
      `${id.slice(1)}.jpg`,
      `A${id.slice(1)}.jpg`,
    ]) {
      assert.isNull(parseServedFile(bad), bad)
    }
    assert.deepEqual(storageKeys(id, 'png'), {
      original: `aa/aa/${id}.png`,
      thumbnail: `aa/aa/${id}_thumb.webp`,
    })
  })

  test('images are shown inline, other files downloaded, names quoted safely', ({ assert }) => {
    assert.equal(contentDisposition('image/png', null), 'inline')
    assert.equal(
      contentDisposition('application/pdf', 'ré"sumé.pdf'),
      `attachment; filename="r__sum_.pdf"; filename*=UTF-8''r%C3%A9%22sum%C3%A9.pdf`
    )
  })
})

test.group('Avatar sizes and URLs', () => {
  test('a size is the nearest stored one, the larger on a tie', ({ assert }) => {
    assert.equal(nearestAvatarSize(1), 48)
    assert.equal(nearestAvatarSize(72), 96)
    assert.equal(nearestAvatarSize(71), 48)
    assert.equal(nearestAvatarSize(168), 240)
    assert.equal(nearestAvatarSize(1000), 240)
  })

  test('served avatar URLs: a public id and a size from 1 to 1000, nothing else', ({ assert }) => {
    const id = 'ab'.repeat(16)
    assert.deepEqual(parseAvatarFile(id, '96.webp'), { publicId: id, size: 96, exact: true })
    assert.deepEqual(parseAvatarFile(id, '45.webp'), { publicId: id, size: 48, exact: false })
    for (const file of ['0.webp', '1001.webp', '96.png', 'x.webp', '96.webp/..', '']) {
      assert.isNull(parseAvatarFile(id, file), file)
    }
    assert.isNull(parseAvatarFile('../etc', '96.webp'))
    assert.isNull(parseAvatarFile('AB'.repeat(16), '96.webp'))
  })

  test('keys and the template come from the public id only', ({ assert }) => {
    const id = 'cd'.repeat(16)
    assert.deepEqual(avatarKeys(id), [
      `avatars/cd/${id}_48.webp`,
      `avatars/cd/${id}_96.webp`,
      `avatars/cd/${id}_240.webp`,
    ])
    assert.equal(avatarTemplate(id), `/uploads/avatars/${id}/{size}.webp`)
  })
})
