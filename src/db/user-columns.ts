// Every scalar column of User for a raw statement, so a row read with $queryRaw is the row Prisma
// would return (same keys; $queryRaw types timestamps as Date, json as objects, text[] as arrays).
// Raw statements on the hot paths (updateProfile, the authentication's cold read) leave Prisma's
// query compiler out; test/me-profile.test.ts compares such a row with Prisma's.
import { Prisma } from '../generated/prisma/client.js';

const COLUMNS = Object.values(Prisma.UserScalarFieldEnum);

/** `"id", "username", …`, or `u."id", …` with a table alias. */
export function userColumns(alias?: string): Prisma.Sql {
  return Prisma.raw(COLUMNS.map((c) => (alias ? `${alias}."${c}"` : `"${c}"`)).join(', '));
}
