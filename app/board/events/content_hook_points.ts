/**
 * Where plugins may change or refuse board content before it is written
 * (see app/core/plugins/content_hooks.ts). Only `title` and `content` are
 * taken back from a hook; the ids are context.
 */
declare module '#core/plugins/content_hooks' {
  interface ContentHookPoints {
    'post:creating': { userId: number; category: string; title: string; content: string }
    'post:updating': { userId: number; postId: number; title: string; content: string }
    'comment:creating': { userId: number; postId: number; content: string }
    'comment:updating': { userId: number; commentId: number; content: string }
  }
}

export {}
