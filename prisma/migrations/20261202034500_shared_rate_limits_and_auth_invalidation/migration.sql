-- CreateTable
CREATE TABLE "auth_rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "auth_rate_limit_pkey" PRIMARY KEY ("key")
);


-- Every instance keeps a cache of session and user validity (src/auth/validity-cache.ts). These
-- triggers tell all of them when a cached fact changes, whatever wrote it (any service, the CLI,
-- plain SQL): NOTIFY is transactional, so it is delivered exactly when the change commits and
-- never for a rolled-back one. Activity timestamps (lastActiveAt, lastUsedAt) do not notify.
CREATE FUNCTION "auth_invalidate_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data jsonb := to_jsonb(COALESCE(NEW, OLD));
BEGIN
  IF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('auth_invalidate', 'user:' || (row_data ->> 'id'));
  ELSIF TG_TABLE_NAME = 'Session' THEN
    PERFORM pg_notify('auth_invalidate', 'session:' || (row_data ->> 'id'));
  ELSIF TG_TABLE_NAME = 'PersonalAccessToken' THEN
    PERFORM pg_notify('auth_invalidate', 'pat:' || (to_jsonb(OLD) ->> 'tokenHash'));
  ELSE
    PERFORM pg_notify('auth_invalidate', 'settings');
  END IF;
  RETURN NULL;
END $$;

-- Sign-in bookkeeping (attempt counters, locks) changes nothing a cached user answers for, and
-- moves on every sign-in: it does not notify.
CREATE TRIGGER "User_auth_invalidate_update" AFTER UPDATE ON "User"
  FOR EACH ROW WHEN ((to_jsonb(OLD) - ARRAY['failedSignIns', 'lockedUntil', 'mfaFailures', 'mfaLockedUntil', 'updatedAt'])
    IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['failedSignIns', 'lockedUntil', 'mfaFailures', 'mfaLockedUntil', 'updatedAt']))
  EXECUTE FUNCTION "auth_invalidate_notify"();
CREATE TRIGGER "User_auth_invalidate_delete" AFTER DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "auth_invalidate_notify"();
CREATE TRIGGER "Session_auth_invalidate_update" AFTER UPDATE ON "Session"
  FOR EACH ROW WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt" OR OLD."userId" IS DISTINCT FROM NEW."userId")
  EXECUTE FUNCTION "auth_invalidate_notify"();
CREATE TRIGGER "Session_auth_invalidate_delete" AFTER DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "auth_invalidate_notify"();
CREATE TRIGGER "PersonalAccessToken_auth_invalidate_update" AFTER UPDATE ON "PersonalAccessToken"
  FOR EACH ROW WHEN (OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt" OR OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."tokenHash" IS DISTINCT FROM NEW."tokenHash")
  EXECUTE FUNCTION "auth_invalidate_notify"();
CREATE TRIGGER "PersonalAccessToken_auth_invalidate_delete" AFTER DELETE ON "PersonalAccessToken"
  FOR EACH ROW EXECUTE FUNCTION "auth_invalidate_notify"();
CREATE TRIGGER "AccountCenterSettings_auth_invalidate" AFTER INSERT OR UPDATE OR DELETE ON "AccountCenterSettings"
  FOR EACH ROW EXECUTE FUNCTION "auth_invalidate_notify"();
