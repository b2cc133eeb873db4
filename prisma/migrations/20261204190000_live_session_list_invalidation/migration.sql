-- A user's live sessions (me.sessions: the account page's list and its totalCount) join the
-- validity cache (src/auth/validity-cache.ts). The list shows every column of a session, activity
-- included, so any write of a Session row -- a new session, a revocation, a touched lastActiveAt
-- (at most once a minute per session), a delete or cascade -- tells every instance to drop that
-- user's list. It is a key of its own (`sessions:<userId>`): authentication's cached session
-- (`session:<id>`) keeps ignoring activity timestamps. PostgreSQL folds identical notifications of
-- one transaction into one, so revoking every other session sends one per user.
CREATE FUNCTION "live_sessions_invalidate_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('auth_invalidate', 'sessions:' || OLD."userId");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('auth_invalidate', 'sessions:' || NEW."userId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Session_live_list_invalidate" AFTER INSERT OR UPDATE OR DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "live_sessions_invalidate_notify"();
