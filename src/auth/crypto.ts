// Small cryptographic helpers: secrets at rest (AES-256-GCM), opaque tokens, and digests of
// high-entropy secrets.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * A sealed secret failed authentication: the SECRET_KEY in use is not the one that encrypted it
 * (a changed SECRET_KEY, or a regenerated DATA_DIR/secret.key). GCM cannot tell that from
 * tampering, and neither can be repaired by retrying.
 */
export class SecretKeyMismatch extends Error {
  constructor() {
    super('the secret key does not match the key that encrypted this data');
    this.name = 'SecretKeyMismatch';
  }
}

/** Encrypts secrets at rest. One key per purpose, derived from SECRET_KEY with HKDF-SHA256. */
export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  constructor(private readonly secretKey: string) {}

  private key(purpose: string): Buffer {
    let key = this.keys.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.secretKey, 'account-service', purpose, 32));
      this.keys.set(purpose, key);
    }
    return key;
  }

  encrypt(purpose: string, plaintext: string): string {
    // 96-bit random IV: GCM's recommended size; random IVs are safe far beyond our key's volume.
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(purpose), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** HMAC-SHA256 under a purpose key: digests of low-entropy secrets that a database dump alone cannot brute-force. */
  mac(purpose: string, value: string): string {
    return createHmac('sha256', this.key(purpose)).update(value).digest('hex');
  }

  decrypt(purpose: string, sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unrecognised sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key(purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyMismatch();
    }
  }
}

/** An opaque bearer secret: 256 random bits, so a fast digest is enough to store it. */
export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A uniformly random numeric code of `digits` digits. */
export function numericCode(digits: number): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}
