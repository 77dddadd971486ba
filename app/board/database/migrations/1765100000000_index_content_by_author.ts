import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A member's live posts and comments, newest first, and their counts
 * (public profiles): WHERE user_id = ? AND deleted_at IS NULL ORDER BY id
 * DESC reads one range of these indexes. The comments' index also holds
 * post_id, so counting a member's comments on live posts reads the index
 * and the posts' primary key, never the comment rows (without it MariaDB
 * scanned the whole table for a member with many comments). They replace
 * the single-column user_id indexes, whose work they do (MariaDB's foreign
 * keys on user_id use them as well).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('posts', (table) => {
      table.index(['user_id', 'deleted_at', 'id'], 'posts_user_id_deleted_at_id_index')
    })
    this.schema.alterTable('posts', (table) => {
      table.dropIndex(['user_id'], 'posts_user_id_index')
    })
    this.schema.alterTable('comments', (table) => {
      table.index(
        ['user_id', 'deleted_at', 'id', 'post_id'],
        'comments_user_id_deleted_at_id_post_id_index'
      )
    })
    this.schema.alterTable('comments', (table) => {
      table.dropIndex(['user_id'], 'comments_user_id_index')
    })
  }

  async down() {
    this.schema.alterTable('posts', (table) => {
      table.index(['user_id'], 'posts_user_id_index')
    })
    this.schema.alterTable('posts', (table) => {
      table.dropIndex(['user_id', 'deleted_at', 'id'], 'posts_user_id_deleted_at_id_index')
    })
    this.schema.alterTable('comments', (table) => {
      table.index(['user_id'], 'comments_user_id_index')
    })
    this.schema.alterTable('comments', (table) => {
      table.dropIndex(
        ['user_id', 'deleted_at', 'id', 'post_id'],
        'comments_user_id_deleted_at_id_post_id_index'
      )
    })
  }
}
