import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: undefined, issuer: 'http://localhost:4000', graphiql: true, production: false, authRateLimitPerMinute: 60 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ISSUER: 'not a url' }, 'ISSUER'],
    [{ SECRET_KEY: 'short' }, 'SECRET_KEY'],
    [{ NODE_ENV: 'production' }, 'SECRET_KEY'],
    [{ ADMIN_EMAIL: 'admin@example.com' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'nope', ADMIN_PASSWORD: 'x' }, 'ADMIN_EMAIL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ GRAPHIQL: 'maybe' }, 'GRAPHIQL'],
    [{ AUTH_RATE_LIMIT_PER_MINUTE: 'many' }, 'AUTH_RATE_LIMIT_PER_MINUTE'],
    [{ SECURITY_NOTICES: 'sometimes' }, 'SECURITY_NOTICES'],
    [{ AUTH_RATE_LIMIT_PER_MINUTE: '-1' }, 'AUTH_RATE_LIMIT_PER_MINUTE'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as ConfigError).variable).toBe(variable);
      expect((err as Error).message.startsWith(variable)).toBe(true);
    }
  });

  it('turns GraphiQL and introspection off in production unless enabled', () => {
    const prod = loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40) });
    expect(prod.graphiql).toBe(false);
    expect(prod.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40), GRAPHIQL: 'true' }).introspection).toBe(true);
  });
});
