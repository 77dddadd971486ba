import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'
import type { Group } from '@japa/runner/core'
import config from '#uploads/config'
import { withSettings } from '#uploads/tests/helpers'

export const BUCKET = 'board-uploads'

/** A real S3-compatible server (s3rver) on a free port of 127.0.0.1, with one bucket. */
export async function startS3Server() {
  const directory = await mkdtemp(join(tmpdir(), 'boardcms-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  })
  const { port } = await server.run()
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    async close() {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}

/**
 * The group's uploads go to a bucket of a fresh s3rver (DRIVE_DISK=s3 as
 * an operator sets it); the fs settings come back after the group. Answers
 * the server's endpoint, once the group has started.
 */
export function onS3Bucket(group: Group) {
  const bucket = { endpoint: '' }
  group.setup(async () => {
    const server = await startS3Server()
    bucket.endpoint = server.endpoint
    const restore = withSettings({
      disk: 's3',
      s3: {
        ...config.get().s3,
        bucket: BUCKET,
        region: 'us-east-1',
        endpoint: server.endpoint,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      },
    })
    return async () => {
      restore()
      await server.close()
    }
  })
  return bucket
}
