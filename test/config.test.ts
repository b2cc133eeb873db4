import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: undefined, issuer: 'http://localhost:4000', graphiql: true, production: false, authRateLimitPerMinute: 60 });
    // No environment lowers the password hashing cost: OWASP's argon2id minimum, always.
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example' }).passwordHashing).toEqual({ memoryCost: 19456, timeCost: 2 });
    expect(config.passwordHashing).toEqual({ memoryCost: 19456, timeCost: 2 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ISSUER: 'not a url' }, 'ISSUER'],
    [{ SECRET_KEY: 'short' }, 'SECRET_KEY'],
    [{ NODE_ENV: 'production' }, 'SECRET_KEY'],
    [{ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40) }, 'SMTP_URL'],
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
    // Production needs SMTP_URL (codes would only be logged otherwise), not SMS_WEBHOOK_URL.
    const prod = loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example' });
    expect(prod.graphiql).toBe(false);
    expect(prod.introspection).toBe(false);
    expect(prod.smsWebhookUrl).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example', GRAPHIQL: 'true' }).introspection).toBe(true);
  });

  it('reports every bad setting in one error, in the order of the table', () => {
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'abc', ISSUER: 'nope', GRAPHIQL: 'maybe', ACCESS_TOKEN_TTL: '5' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.variable)).toEqual(['PORT', 'ISSUER', 'SECRET_KEY', 'SMTP_URL', 'GRAPHIQL', 'ACCESS_TOKEN_TTL']);
      expect((err as ConfigError).variable).toBe('PORT');
    }
  });
});
