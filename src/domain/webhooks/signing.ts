// Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_` + base64 of
// 32 random bytes; the signature header is `v1,` + base64(HMAC-SHA256(key, "id.timestamp.body")).
import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

export function newSigningSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

export function signPayload(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}
