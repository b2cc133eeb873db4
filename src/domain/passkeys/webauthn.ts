// @simplewebauthn/server (with its X.509 and ASN.1 parsers, ~0.7 MB of code) loaded on the first
// passkey ceremony rather than at start: most requests never need it (docs/performance.md "Start").
type WebAuthn = typeof import('@simplewebauthn/server');

let loaded: Promise<WebAuthn> | undefined;

export const webauthn = (): Promise<WebAuthn> => (loaded ??= import('@simplewebauthn/server'));
