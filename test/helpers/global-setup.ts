// Provides one migrated template database per run; every test file clones it (measured: a PGlite
// clone takes ~0.4 s against ~2 s for a cold start + migrations; see pglite-template.ts). With TEST_DATABASE_URL, the
// template is a fresh PostgreSQL database and each file gets `CREATE DATABASE … TEMPLATE`; every
// database the run created is dropped at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.js';
import { buildWeb } from '../../scripts/build-web.mjs';
import { chromiumFor } from './browser-launch.js';
import { pgliteTemplateFile } from './pglite-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: { url: string; template: string; prefix: string } | null;
    chromiumPath: string | null;
  }
}

export function databaseUrlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  // The web apps as the service serves them (dist/web/), fresh from web/ (~0.5 s), and the PGlite
  // template, at once; whether the browser files run (each launches its own Chromium).
  const chromiumPath = chromiumFor(project);
  const [, template] = await Promise.all([buildWeb(), pgliteTemplateFile()]);
  project.provide('chromiumPath', chromiumPath);
  project.provide('pgliteTemplate', template);

  const base = process.env.TEST_DATABASE_URL;
  let prefix: string | null = null;
  if (base) {
    prefix = `acct_test_${randomBytes(4).toString('hex')}`;
    const template = `${prefix}_template`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    await admin.end();
    const client = new pg.Client({ connectionString: databaseUrlFor(base, template) });
    await client.connect();
    await migrate({ query: (sql, params) => client.query(sql, params) as never, exec: (sql) => client.query(sql) }, { advisoryLock: true });
    await client.end();
    project.provide('pgTemplate', { url: base, template, prefix });
  } else {
    project.provide('pgTemplate', null);
  }

  return async () => {
    if (base && prefix) {
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    }
  };
}
