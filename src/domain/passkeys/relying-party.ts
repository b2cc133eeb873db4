// The WebAuthn relying party (WEBAUTHN_RP_ID / WEBAUTHN_ORIGINS) and the settings every ceremony shares.
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';

// ES256 first (every platform authenticator), then EdDSA and RS256 (some security keys, Windows
// Hello). Pinned rather than the library default, which grows with the runtime (ML-DSA on newer
// Node): registration options and verification must agree.
// COSE algorithm identifiers (IANA registry; @simplewebauthn's COSEALG), written out so this module
// does not load the library at start.
export const SUPPORTED_ALGORITHMS = [-7 /* ES256 */, -8 /* EdDSA */, -257 /* RS256 */];

// The browser's ceremony timeout matches the challenge's lifetime: 5 minutes to find a security
// key or unlock a phone, and no longer that a captured challenge stays useful.
export const PASSKEY_CHALLENGE_TTL_SECONDS = 300;

export interface RelyingParty {
  id: string;
  name: string;
  origins: string[];
}

export function relyingParty(deps: Deps): RelyingParty {
  return { id: deps.config.webauthnRpId, name: deps.config.totpIssuer, origins: deps.config.webauthnOrigins };
}

/** The WebAuthn user handle: the account id's bytes (random, no personal data), back as `userHandle`. */
export function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId, 'utf8'));
}

export function userIdFromHandle(handle: string): string {
  return Buffer.from(handle, 'base64url').toString('utf8');
}

export const passkeyRejected = (detail = 'The passkey response could not be verified') =>
  new AppError('PASSKEY_REJECTED', detail, ['credential']);
