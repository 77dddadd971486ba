import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'prometheus.metrics': { paramsTuple?: []; params?: {} }
    'account.store': { paramsTuple?: []; params?: {} }
    'session.login': { paramsTuple?: []; params?: {} }
    'session.refresh': { paramsTuple?: []; params?: {} }
    'session.logout': { paramsTuple?: []; params?: {} }
    'account.show': { paramsTuple?: []; params?: {} }
    'account.update': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple?: []; params?: {} }
    'account.destroy': { paramsTuple?: []; params?: {} }
    'email_link.forgot': { paramsTuple?: []; params?: {} }
    'email_link.reset': { paramsTuple?: []; params?: {} }
    'email_link.verify': { paramsTuple?: []; params?: {} }
    'email_link.resend': { paramsTuple?: []; params?: {} }
    'public_profile.show': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'api_tokens.store': { paramsTuple?: []; params?: {} }
    'api_tokens.index': { paramsTuple?: []; params?: {} }
    'api_tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'uploads.store': { paramsTuple?: []; params?: {} }
    'uploads.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'uploads.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'upload_files.show': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'board.boards': { paramsTuple?: []; params?: {} }
    'board.children': { paramsTuple?: []; params?: {} }
    'board.parent': { paramsTuple?: []; params?: {} }
    'board.list': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'post.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'member.posts': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'member.comments': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
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
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.count': { paramsTuple?: []; params?: {} }
    'notifications.read': { paramsTuple?: []; params?: {} }
    'notifications.settings': { paramsTuple?: []; params?: {} }
    'notifications.update_settings': { paramsTuple?: []; params?: {} }
    'watch.watch_post': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'watch.unwatch_post': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'watch.watch_category': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'watch.unwatch_category': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'notifications.unsubscribe': { paramsTuple?: []; params?: {} }
    'notifications.unsubscribe.post': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
    'reading_time.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assets.css': { paramsTuple?: []; params?: {} }
    'session.show': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'users.index': { paramsTuple?: []; params?: {} }
    'users.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.block': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.unblock': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.role': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.revoke_token': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'categories.index': { paramsTuple?: []; params?: {} }
    'categories.store': { paramsTuple?: []; params?: {} }
    'categories.rename': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'categories.move': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'categories.destroy': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'posts.index': { paramsTuple?: []; params?: {} }
    'posts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'posts.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'posts.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'posts.restore_version': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'version': ParamValue} }
    'comments.index': { paramsTuple?: []; params?: {} }
    'comments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comments.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audit.index': { paramsTuple?: []; params?: {} }
    'webhooks.index': { paramsTuple?: []; params?: {} }
    'webhooks.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhooks.disable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'health.ping': { paramsTuple?: []; params?: {} }
    'docs.page': { paramsTuple?: []; params?: {} }
    'docs.json': { paramsTuple?: []; params?: {} }
    'docs.asset': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
  }
  GET: {
    'prometheus.metrics': { paramsTuple?: []; params?: {} }
    'account.show': { paramsTuple?: []; params?: {} }
    'public_profile.show': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'api_tokens.index': { paramsTuple?: []; params?: {} }
    'uploads.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'upload_files.show': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'board.boards': { paramsTuple?: []; params?: {} }
    'board.children': { paramsTuple?: []; params?: {} }
    'board.parent': { paramsTuple?: []; params?: {} }
    'board.list': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'post.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'member.posts': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'member.comments': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'moderation.deleted_posts': { paramsTuple?: []; params?: {} }
    'moderation.deleted_comments': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.count': { paramsTuple?: []; params?: {} }
    'notifications.settings': { paramsTuple?: []; params?: {} }
    'notifications.unsubscribe': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'reading_time.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assets.css': { paramsTuple?: []; params?: {} }
    'session.show': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'users.index': { paramsTuple?: []; params?: {} }
    'users.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'categories.index': { paramsTuple?: []; params?: {} }
    'posts.index': { paramsTuple?: []; params?: {} }
    'posts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comments.index': { paramsTuple?: []; params?: {} }
    'audit.index': { paramsTuple?: []; params?: {} }
    'webhooks.index': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'health.ping': { paramsTuple?: []; params?: {} }
    'docs.page': { paramsTuple?: []; params?: {} }
    'docs.json': { paramsTuple?: []; params?: {} }
    'docs.asset': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
  }
  HEAD: {
    'prometheus.metrics': { paramsTuple?: []; params?: {} }
    'account.show': { paramsTuple?: []; params?: {} }
    'public_profile.show': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'api_tokens.index': { paramsTuple?: []; params?: {} }
    'uploads.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'upload_files.show': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'board.boards': { paramsTuple?: []; params?: {} }
    'board.children': { paramsTuple?: []; params?: {} }
    'board.parent': { paramsTuple?: []; params?: {} }
    'board.list': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'post.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.history': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'member.posts': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'member.comments': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'moderation.deleted_posts': { paramsTuple?: []; params?: {} }
    'moderation.deleted_comments': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.count': { paramsTuple?: []; params?: {} }
    'notifications.settings': { paramsTuple?: []; params?: {} }
    'notifications.unsubscribe': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'reading_time.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assets.css': { paramsTuple?: []; params?: {} }
    'session.show': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'users.index': { paramsTuple?: []; params?: {} }
    'users.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'categories.index': { paramsTuple?: []; params?: {} }
    'posts.index': { paramsTuple?: []; params?: {} }
    'posts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comments.index': { paramsTuple?: []; params?: {} }
    'audit.index': { paramsTuple?: []; params?: {} }
    'webhooks.index': { paramsTuple?: []; params?: {} }
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
    'email_link.forgot': { paramsTuple?: []; params?: {} }
    'email_link.reset': { paramsTuple?: []; params?: {} }
    'email_link.verify': { paramsTuple?: []; params?: {} }
    'email_link.resend': { paramsTuple?: []; params?: {} }
    'api_tokens.store': { paramsTuple?: []; params?: {} }
    'uploads.store': { paramsTuple?: []; params?: {} }
    'board.store': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
    'post.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.restore_version': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'version': ParamValue} }
    'post.vote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.vote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.read': { paramsTuple?: []; params?: {} }
    'notifications.unsubscribe.post': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'users.block': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.unblock': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.role': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.revoke_token': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'token': ParamValue} }
    'categories.store': { paramsTuple?: []; params?: {} }
    'categories.rename': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'categories.move': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'categories.destroy': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'posts.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'posts.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'posts.restore_version': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'version': ParamValue} }
    'comments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comments.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhooks.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhooks.disable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PUT: {
    'account.update': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple?: []; params?: {} }
    'post.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.update_settings': { paramsTuple?: []; params?: {} }
    'watch.watch_post': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'watch.watch_category': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
  }
  DELETE: {
    'account.destroy': { paramsTuple?: []; params?: {} }
    'api_tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'uploads.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'post.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'comment.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'watch.unwatch_post': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'watch.unwatch_category': { paramsTuple: [ParamValue]; params: {'category': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}