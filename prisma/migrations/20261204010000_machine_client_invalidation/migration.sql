-- Machine clients join the validity cache (src/auth/validity-cache.ts): the token endpoint and
-- every request with a client token read the client from memory, so a rotated secret, changed
-- scopes or a deleted client must reach every instance as an invalidation, like sessions do.
CREATE OR REPLACE FUNCTION "auth_invalidate_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data jsonb := to_jsonb(COALESCE(NEW, OLD));
BEGIN
  IF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('auth_invalidate', 'user:' || (row_data ->> 'id'));
  ELSIF TG_TABLE_NAME = 'Session' THEN
    PERFORM pg_notify('auth_invalidate', 'session:' || (row_data ->> 'id'));
  ELSIF TG_TABLE_NAME = 'PersonalAccessToken' THEN
    PERFORM pg_notify('auth_invalidate', 'pat:' || (to_jsonb(OLD) ->> 'tokenHash'));
  ELSIF TG_TABLE_NAME = 'MachineClient' THEN
    PERFORM pg_notify('auth_invalidate', 'client:' || (to_jsonb(OLD) ->> 'clientId'));
  ELSE
    PERFORM pg_notify('auth_invalidate', 'settings');
  END IF;
  RETURN NULL;
END $$;

-- lastUsedAt (written at most once a minute per client) changes nothing a cached client answers for.
CREATE TRIGGER "MachineClient_auth_invalidate_update" AFTER UPDATE ON "MachineClient"
  FOR EACH ROW WHEN (OLD."secretHash" IS DISTINCT FROM NEW."secretHash" OR OLD."scopes" IS DISTINCT FROM NEW."scopes" OR OLD."clientId" IS DISTINCT FROM NEW."clientId")
  EXECUTE FUNCTION "auth_invalidate_notify"();
CREATE TRIGGER "MachineClient_auth_invalidate_delete" AFTER DELETE ON "MachineClient"
  FOR EACH ROW EXECUTE FUNCTION "auth_invalidate_notify"();
