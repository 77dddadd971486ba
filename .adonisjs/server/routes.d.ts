import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'account.store': { paramsTuple?: []; params?: {} }
    'session.login': { paramsTuple?: []; params?: {} }
    'session.refresh': { paramsTuple?: []; params?: {} }
    'session.logout': { paramsTuple?: []; params?: {} }
    'account.show': { paramsTuple?: []; params?: {} }
    'account.update': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple?: []; params?: {} }
    'account.destroy': { paramsTuple?: []; params?: {} }
    'board.boards': { paramsTuple?: []; params?: {} }
    'board.children': { paramsTuple?: []; params?: {} }
    'board.parent': { paramsTuple?: []; params?: {} }
    'board.list': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'post.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'board.store': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'post.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.restore_version': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'version': ParamValue} }
    'post.vote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.vote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.deleted_posts': { paramsTuple?: []; params?: {} }
    'moderation.deleted_comments': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'health.ping': { paramsTuple?: []; params?: {} }
    'docs.page': { paramsTuple?: []; params?: {} }
    'docs.json': { paramsTuple?: []; params?: {} }
    'docs.asset': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
  }
  POST: {
    'account.store': { paramsTuple?: []; params?: {} }
    'session.login': { paramsTuple?: []; params?: {} }
    'session.refresh': { paramsTuple?: []; params?: {} }
    'session.logout': { paramsTuple?: []; params?: {} }
    'board.store': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'post.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.restore_version': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'version': ParamValue} }
    'post.vote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.vote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'account.show': { paramsTuple?: []; params?: {} }
    'board.boards': { paramsTuple?: []; params?: {} }
    'board.children': { paramsTuple?: []; params?: {} }
    'board.parent': { paramsTuple?: []; params?: {} }
    'board.list': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'post.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.deleted_posts': { paramsTuple?: []; params?: {} }
    'moderation.deleted_comments': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'health.ping': { paramsTuple?: []; params?: {} }
    'docs.page': { paramsTuple?: []; params?: {} }
    'docs.json': { paramsTuple?: []; params?: {} }
    'docs.asset': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
  }
  HEAD: {
    'account.show': { paramsTuple?: []; params?: {} }
    'board.boards': { paramsTuple?: []; params?: {} }
    'board.children': { paramsTuple?: []; params?: {} }
    'board.parent': { paramsTuple?: []; params?: {} }
    'board.list': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'post.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'moderation.deleted_posts': { paramsTuple?: []; params?: {} }
    'moderation.deleted_comments': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'health.ping': { paramsTuple?: []; params?: {} }
    'docs.page': { paramsTuple?: []; params?: {} }
    'docs.json': { paramsTuple?: []; params?: {} }
    'docs.asset': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
  }
  PUT: {
    'account.update': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple?: []; params?: {} }
    'post.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'account.destroy': { paramsTuple?: []; params?: {} }
    'post.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}