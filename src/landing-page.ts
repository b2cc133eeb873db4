// GET /: a small page that says what runs here and where to go (GraphiQL, the account page, the
// discovery document). Same-origin links only; nothing loads from elsewhere.
import type { Config } from './config.js';

export function landingPage(config: Pick<Config, 'graphiql'>): string {
  const links = [
    config.graphiql
      ? '<li><a href="/graphql">GraphiQL</a>: try the API in the browser (sign in, then <code>me</code>).</li>'
      : '<li><code>POST /graphql</code>: the GraphQL API (GraphiQL is off: set <code>GRAPHIQL=true</code> to turn it on).</li>',
    '<li><a href="/account">Your account</a>: profile, password, sessions and MFA.</li>',
    '<li><a href="/.well-known/openid-configuration">Discovery document</a> and <a href="/.well-known/jwks.json">signing keys</a>.</li>',
    '<li><a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a>, <a href="/metrics">/metrics</a>.</li>',
  ];
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Account service</title>
    <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}code{background:#f0f2f4;padding:0 .25em;border-radius:3px}</style>
  </head>
  <body>
    <h1>Account service</h1>
    <p>A GraphQL account service: sign-in, self-service account management and an admin API in one schema.</p>
    <ul>
      ${links.join('\n      ')}
    </ul>
    <p>Authenticated requests send <code>Authorization: Bearer &lt;accessToken&gt;</code>.</p>
  </body>
</html>
`;
}
