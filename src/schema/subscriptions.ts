// Subscription.securityEvents (docs/events.md): the caller's own security events, live over SSE
// (`Accept: text/event-stream`, graphql-yoga's built-in transport), until the session ends.
import type { LiveSecurityEvent } from './context.js';
import { builder } from './builder.js';
import { SecurityEventType } from './users/security-events.js';

builder.subscriptionType({ description: 'Live streams over server-sent events.' });

builder.subscriptionField('securityEvents', (t) =>
  t.field({
    type: SecurityEventType,
    authScopes: { user: true },
    description: "Your sign-ins, failures and security changes as they happen; ends when the credential it was opened with ends (its session or personal access token is revoked or expires, or the account is suspended).",
    subscribe: (_root, _args, ctx) => {
      if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
      const { userId, sessionId, personalAccessTokenId } = ctx.viewer;
      return ctx.live.stream(ctx.deps, { userId, sessionId, personalAccessTokenId });
    },
    resolve: (event: LiveSecurityEvent) => ({ ...event, at: new Date(event.at) }) as never,
  }),
);
