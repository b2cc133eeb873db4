// Prisma CLI config. Offline, the CLI works only with its WASM schema engine, which
// requires an adapter factory. The CLI is used for `generate` and `migrate diff`; the service
// applies migrations itself (src/db/migrate.ts). The adapter's PGlite is in memory and created
// lazily, once: an on-disk one would keep the CLI alive.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    // The adapter bundles its own copy of Prisma's adapter types, hence the cast.
    return new PrismaPGlite(new PGlite({ extensions: { pg_trgm } })) as never;
  },
});
