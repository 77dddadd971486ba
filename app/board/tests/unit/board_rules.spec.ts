import { test } from '@japa/runner'
import { CategoryTree, categoryNameProblem, type CategoryNode } from '#board/domain/category_tree'
import {
  decodeCursor,
  decodeSortCursor,
  encodeCursor,
  encodeSortCursor,
} from '#board/domain/cursor'
import { csvCell, toCsv } from '#board/domain/csv'
import { listPageRequest, pageRequest } from '#board/domain/page_request'

const node = (id: number, parentId: number | null, name: string, postCount = 0): CategoryNode => ({
  id,
  parentId,
  name,
  tier: 0,
  position: id,
  postCount,
})

const tree = new CategoryTree([
  node(1, null, 'qna', 1),
  node(2, 1, 'tech', 2),
  node(3, 2, 'rust', 3),
  node(4, null, 'community'),
])

test.group('CategoryTree', () => {
  test('subtree, ancestry, root and counts', ({ assert }) => {
    assert.deepEqual(
      tree.subtree(tree.byName('qna')!).map((n) => n.name),
      ['qna', 'tech', 'rust']
    )
    assert.deepEqual(
      tree.ancestry(tree.byName('rust')!).map((n) => n.name),
      ['rust', 'tech', 'qna']
    )
    assert.equal(tree.root(tree.byName('rust')!).name, 'qna')
    assert.equal(tree.subtreePostCount(tree.byName('qna')!), 6)
    assert.equal(tree.byName('TECH')?.id, 2)
    assert.deepEqual(
      tree.boards().map((n) => n.name),
      ['qna', 'community']
    )
  })

  test('refuses moves that would create a cycle', ({ assert }) => {
    const qna = tree.byName('qna')!
    assert.isTrue(tree.wouldCreateCycle(qna, 3))
    assert.isTrue(tree.wouldCreateCycle(qna, 1))
    assert.isFalse(tree.wouldCreateCycle(qna, 4))
    assert.isFalse(tree.wouldCreateCycle(qna, null))
  })

  test('names are URL-safe and not reserved', ({ assert }) => {
    assert.isNull(categoryNameProblem('tech-talk_2'))
    for (const bad of [
      '',
      'Tech',
      'a b',
      '-lead',
      'a/b',
      'x'.repeat(51),
      'category',
      'parent',
      'ü',
    ]) {
      assert.isString(categoryNameProblem(bad), bad)
    }
  })
})

test.group('cursor, page and CSV', () => {
  test('cursors round-trip and reject anything else', ({ assert }) => {
    assert.equal(decodeCursor(encodeCursor(42)), 42)
    for (const bad of [
      '',
      '!!!',
      'e30',
      Buffer.from('{"id":-1}').toString('base64url'),
      'a'.repeat(300),
    ]) {
      assert.isNull(decodeCursor(bad), bad)
    }
  })

  test('sorted cursors carry their sort and key; another sort refuses them', ({ assert }) => {
    const time = '2026-12-07 10:00:00.123'
    const activity = encodeSortCursor('activity', time, 7)
    assert.deepEqual(decodeSortCursor(activity, 'activity', 'time'), { key: time, id: 7 })
    assert.isNull(decodeSortCursor(activity, 'top:all', 'count'))
    assert.isNull(decodeCursor(activity))
    assert.isNull(decodeSortCursor(encodeCursor(7), 'activity', 'time'))
    assert.isNull(
      decodeSortCursor(encodeSortCursor('activity', '2026-12-07', 7), 'activity', 'time')
    )
    assert.isNull(decodeSortCursor(encodeSortCursor('top:all', 1.5, 7), 'top:all', 'count'))
    assert.isNull(decodeSortCursor(encodeSortCursor('top:all', 3, 0), 'top:all', 'count'))
    assert.deepEqual(decodeSortCursor(encodeSortCursor('top:all', -2, 9), 'top:all', 'count'), {
      key: -2,
      id: 9,
    })
    const order = { sort: 'top', period: 'week' } as const
    assert.deepEqual(
      listPageRequest({ size: 3, page: 4, cursor: encodeSortCursor('top:week', 5, 9) }, order),
      { size: 3, page: 1, afterId: 9, afterKey: 5 }
    )
    assert.isNull(listPageRequest({ cursor: encodeSortCursor('top:day', 5, 9) }, order))
    assert.deepEqual(listPageRequest({ page: 2 }, order), { size: 10, page: 2, afterId: null })
  })

  test('page requests default to size 10, page 1', ({ assert }) => {
    assert.deepEqual(pageRequest({}), { size: 10, page: 1, afterId: null })
    assert.deepEqual(pageRequest({ size: 5, cursor: encodeCursor(9) }), {
      size: 5,
      page: 1,
      afterId: 9,
    })
    assert.isNull(pageRequest({ cursor: 'junk!' }))
  })

  test('CSV quotes what needs quoting and defuses formulas', ({ assert }) => {
    assert.equal(csvCell('plain'), 'plain')
    assert.equal(csvCell('a,b'), '"a,b"')
    assert.equal(csvCell('say "hi"'), '"say ""hi"""')
    assert.equal(csvCell('=SUM(A1)'), "'=SUM(A1)")
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"')
    assert.equal(toCsv(['a', 'b'], [[1, 'x']]), 'a,b\r\n1,x\r\n')
  })
})
