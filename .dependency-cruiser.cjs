// Layer rules (docs/architecture.md "Layers"): each layer imports only the layers below it.
//   base    src/lib, src/auth (crypto and token primitives), src/db, src/delivery, src/generated,
//           config.ts, logger.ts, secret-key.ts
//   domain  src/domain (plain TypeScript services; no GraphQL, no HTTP)
//   schema  src/schema, plus a credential kind's own GraphQL fields (src/domain/credentials/<kind>/*.schema.ts)
//   app     app.ts, context.ts, routes.ts and the plain HTTP routes (account page, OAuth, live stream, control)
//   entry   server.ts, cli.ts
// Type-only imports count too: a type import upward is still a back-edge (and can hide a cycle).
// Runs as `npm run lint` and from test/layers.test.ts, so `npm test` catches a wrong import.
// dependency-cruiser 17 (18 needs Node 22; this project supports Node 20).
const BASE = '^src/(lib|auth|db|delivery|generated|types)/|^src/(config|logger|secret-key)\\.ts$';
const KIND_SCHEMA = '^src/domain/credentials/[^/]+/[^/]+\\.schema\\.ts$';
const DOMAIN = '^src/domain/';
const SCHEMA = `^src/schema/|${KIND_SCHEMA}`;
const APP = '^src/(app|context|routes|graphiql|landing-page|metrics)\\.ts$|^src/(account-page|oauth|live|control)/';
const ENTRY = '^src/(server|cli)\\.ts$';

const upward = (name, from, fromNot, to) => ({
  name,
  severity: 'error',
  comment: `${name}: a lower layer imports a higher one (docs/architecture.md "Layers")`,
  from: fromNot ? { path: from, pathNot: fromNot } : { path: from },
  to: { path: to },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle at run time.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-types',
      severity: 'error',
      comment:
        'No cycle of type imports either, except through the injected Deps bag (src/domain/deps.ts): what it ' +
        'holds (the credential registry, whose kinds get Deps) may name it back. Erased at run time.',
      from: {},
      to: { circular: true, viaOnly: { pathNot: '^src/domain/deps\\.ts$' } },
    },
    upward('base-imports-up', BASE, null, `${DOMAIN}|${SCHEMA}|${APP}|${ENTRY}`),
    upward('domain-imports-up', DOMAIN, KIND_SCHEMA, `${SCHEMA}|${APP}|${ENTRY}`),
    upward('schema-imports-up', SCHEMA, null, `${APP}|${ENTRY}`),
    upward('app-imports-entry', APP, null, ENTRY),
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `types`/`typings` and `.d.ts`: a types-only package (@graphql-typed-document-node/core, imported
    // by the typed documents) has an empty `main` and resolves only through its typings.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
