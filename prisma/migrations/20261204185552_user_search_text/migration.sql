-- admin.users search (docs/performance.md): one lowercased column over the four searched
-- identifiers and one trigram index instead of four. A GENERATED column is maintained by every
-- write and backfilled for existing rows by this ALTER (a table rewrite). U+001F separates the
-- parts, so a term without that character can only match inside one of them.
ALTER TABLE "User" ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (
  coalesce(lower("primaryEmail"), '') || E'\x1f' || coalesce(lower("username"), '') || E'\x1f' ||
  coalesce(lower("primaryPhone"), '') || E'\x1f' || coalesce(lower("name"), '')
) STORED;

-- CreateIndex
CREATE INDEX "User_searchText_trgm_idx" ON "User" USING GIN ("searchText" gin_trgm_ops);

-- DropIndex
DROP INDEX "User_username_trgm_idx";
DROP INDEX "User_primaryEmail_trgm_idx";
DROP INDEX "User_primaryPhone_trgm_idx";
DROP INDEX "User_name_trgm_idx";

-- How often each trigram occurs (pg_stats_ext_exprs after ANALYZE): the search leaves trigrams
-- that most rows contain out of its index probe (src/domain/admin/user-search-pattern.ts).
CREATE STATISTICS "User_searchText_trigrams" ON (show_trgm("searchText")) FROM "User";
ANALYZE "User";
