// Authors a migration without a database: diffs the last committed schema.prisma
// against the working one and writes prisma/migrations/<timestamp>_<name>/migration.sql.
// Usage: npm run migration:new -- add_webauthn
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration:new -- <snake_case_name>');
  process.exit(2);
}
const env = { ...process.env, DATABASE_URL: 'postgresql://placeholder@localhost/placeholder' };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'schema-'));
const previous = path.join(tmp, 'schema.prisma');
writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma']));
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { env, encoding: 'utf8' },
);
if (!sql.trim() || sql.includes('This is an empty migration')) {
  console.error('schema.prisma has no changes since HEAD: nothing to write');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma/migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${dir}/migration.sql`);
