// The WebAuthn Signal API (where the browser has it): tells the passkey provider which passkeys
// this site still accepts and the user's current names, so password managers stop offering a
// removed passkey and show the right account. Fire and forget: a browser without it, or a
// provider that ignores it, changes nothing.
type Signals = {
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
  signalAllAcceptedCredentials?: (options: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }) => Promise<void>;
  signalCurrentUserDetails?: (options: { rpId: string; userId: string; name: string; displayName: string }) => Promise<void>;
};

const api = (): Signals | null => (typeof window.PublicKeyCredential === 'function' ? (PublicKeyCredential as unknown as Signals) : null);
// The relying-party ID defaults to the service's host (WEBAUTHN_RP_ID otherwise: a parent domain of it).
const rpId = () => location.hostname;
// The WebAuthn user handle is the account id as UTF-8, base64url (src/domain/passkeys/relying-party.ts).
const userHandle = (userId: string) => btoa(userId).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const quietly = (run: (() => Promise<void>) | undefined) => {
  run?.().catch(() => undefined);
};

export function signalRemovedPasskey(credentialId: string | null | undefined): void {
  const s = api();
  if (credentialId && s?.signalUnknownCredential) quietly(() => s.signalUnknownCredential!({ rpId: rpId(), credentialId }));
}

export function signalAcceptedPasskeys(userId: string, credentialIds: string[]): void {
  const s = api();
  if (s?.signalAllAcceptedCredentials) quietly(() => s.signalAllAcceptedCredentials!({ rpId: rpId(), userId: userHandle(userId), allAcceptedCredentialIds: credentialIds }));
}

export function signalUserDetails(userId: string, name: string, displayName: string): void {
  const s = api();
  if (s?.signalCurrentUserDetails) quietly(() => s.signalCurrentUserDetails!({ rpId: rpId(), userId: userHandle(userId), name, displayName }));
}
