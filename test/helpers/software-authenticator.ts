// A software WebAuthn authenticator for tests: real ES256 (P-256) keys from node:crypto, real CBOR
// attestation objects and authenticator data, and signatures over authData ‖ SHA-256(clientDataJSON),
// exactly what a browser hands back from navigator.credentials.create / get. Knobs let a test break
// one thing at a time (origin, RP ID, user verification, counter, attestation format).
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

const b64url = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

export interface StoredCredential {
  id: Buffer;
  privateKey: KeyObject;
  publicKey: { x: Buffer; y: Buffer };
  rpId: string;
  userHandle: string;
  counter: number;
}

export interface CeremonyOptions {
  origin?: string;
  /** The RP ID whose hash goes into the authenticator data (default: the options' rpId). */
  rpId?: string;
  /** User verification flag (default true). */
  userVerified?: boolean;
  /** Client data type (default webauthn.create / webauthn.get). */
  type?: string;
}

export interface AuthenticateOptions extends CeremonyOptions {
  /** Use this credential even when the options do not allow it. */
  credential?: StoredCredential;
  /** Sign this counter instead of the next one (a cloned authenticator). */
  counter?: number;
  /** Another challenge than the options' (a replay of an old one). */
  challenge?: string;
}

export class SoftwareAuthenticator {
  readonly credentials: StoredCredential[] = [];
  readonly aaguid = randomBytes(16);

  constructor(readonly origin = 'http://account.test') {}

  private authData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  private flags(userVerified: boolean, extra = 0): number {
    // UP (user present) always; UV when verified; BE|BS: a synced, backed-up passkey.
    return 0x01 | (userVerified ? 0x04 : 0) | 0x08 | 0x10 | extra;
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** navigator.credentials.create({ publicKey: options }) */
  register(options: any, opts: CeremonyOptions & { attestation?: 'none' | 'packed' } = {}) {
    const rpId = opts.rpId ?? options.rp.id;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const credential: StoredCredential = {
      id: randomBytes(32),
      privateKey,
      publicKey: { x: Buffer.from(jwk.x!, 'base64url'), y: Buffer.from(jwk.y!, 'base64url') },
      rpId,
      userHandle: options.user.id,
      counter: 0,
    };
    // COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
    const coseKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(credential.publicKey.x)],
        [-3, new Uint8Array(credential.publicKey.y)],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const attested = Buffer.concat([this.aaguid, idLength, credential.id, Buffer.from(coseKey)]);
    const authData = this.authData(rpId, this.flags(opts.userVerified ?? true, 0x40), credential.counter, attested);
    const clientDataJSON = this.clientData(opts.type ?? 'webauthn.create', options.challenge, opts.origin ?? this.origin);
    const attStmt =
      opts.attestation === 'packed'
        ? // Packed self-attestation: signed with the credential's own key, no certificate.
          new Map<string, number | Uint8Array>([
            ['alg', -7],
            ['sig', new Uint8Array(sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), privateKey))],
          ])
        : new Map();
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, number | Uint8Array>>([
        ['fmt', opts.attestation ?? 'none'],
        ['attStmt', attStmt],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    this.credentials.push(credential);
    return {
      credential,
      response: {
        id: b64url(credential.id),
        rawId: b64url(credential.id),
        type: 'public-key',
        response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal', 'hybrid'] },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      },
    };
  }

  /** navigator.credentials.get({ publicKey: options }) */
  authenticate(options: any, opts: AuthenticateOptions = {}) {
    const allowed: string[] = (options.allowCredentials ?? []).map((c: { id: string }) => c.id);
    const credential =
      opts.credential ??
      this.credentials.find((c) => c.rpId === options.rpId && (allowed.length === 0 || allowed.includes(b64url(c.id))));
    if (!credential) throw new Error('no credential for these options');
    credential.counter = opts.counter ?? credential.counter + 1;
    const authData = this.authData(opts.rpId ?? options.rpId, this.flags(opts.userVerified ?? true), credential.counter);
    const clientDataJSON = this.clientData(opts.type ?? 'webauthn.get', opts.challenge ?? options.challenge, opts.origin ?? this.origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}
