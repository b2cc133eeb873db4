// The notification bus: database change notifications (LISTEN/NOTIFY) delivered to this process.
// Today it carries the validity cache's invalidations (channel `auth_invalidate`, published by
// triggers); other features can open their own channel the same way.
export type { ChangeFeed } from './change-feed.js';
export { PgChangeFeed } from './pg-change-feed.js';
export { EmbeddedChangeFeed } from './embedded-change-feed.js';
