// Timestamps in raw statements. Prisma stores DateTime in `timestamp(3)` columns as UTC; an ISO
// string cast this way matches it whatever the connection's time zone.
import { Prisma } from '../generated/prisma/client.js';

/** A timestamp parameter for the `timestamp(3)` (UTC) columns. */
export function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(CAST(${date.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
}
