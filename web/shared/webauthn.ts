// WebAuthn between the API's W3C JSON forms (binary fields base64url) and the browser's
// ArrayBuffer-based credential API. Uses the browser's own JSON helpers when it has them.
type Json = Record<string, unknown>;

const toBytes = (b64url: string): Uint8Array<ArrayBuffer> => {
  const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(b64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
};
const toB64url = (buffer: ArrayBuffer): string => {
  let s = '';
  for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const ids = (list: unknown) => ((list ?? []) as { id: string }[]).map((c) => ({ ...c, id: toBytes(c.id) }));

export const passkeysSupported = () => typeof window.PublicKeyCredential === 'function';

function creationOptions(json: Json): PublicKeyCredentialCreationOptions {
  if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json as never);
  const user = json.user as Json;
  return { ...json, challenge: toBytes(json.challenge as string), user: { ...user, id: toBytes(user.id as string) }, excludeCredentials: ids(json.excludeCredentials) } as never;
}

function requestOptions(json: Json): PublicKeyCredentialRequestOptions {
  if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json as never);
  return { ...json, challenge: toBytes(json.challenge as string), allowCredentials: ids(json.allowCredentials) } as never;
}

function credentialJSON(credential: PublicKeyCredential): Json {
  if (typeof credential.toJSON === 'function') return credential.toJSON() as Json;
  const r = credential.response as AuthenticatorAttestationResponse & AuthenticatorAssertionResponse;
  const response: Json = { clientDataJSON: toB64url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toB64url(r.attestationObject);
    response.transports = r.getTransports?.() ?? [];
  } else {
    response.authenticatorData = toB64url(r.authenticatorData);
    response.signature = toB64url(r.signature);
    if (r.userHandle) response.userHandle = toB64url(r.userHandle);
  }
  return {
    id: credential.id, rawId: toB64url(credential.rawId), type: credential.type, response,
    clientExtensionResults: credential.getClientExtensionResults(), authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
  };
}

const failure = (err: unknown) =>
  Object.assign(new Error(err instanceof Error ? err.message : 'cancelled'), { code: err instanceof Error && err.name === 'NotSupportedError' ? 'PASSKEY_UNSUPPORTED' : 'PASSKEY_CANCELLED' });
const unsupported = () => Object.assign(new Error('unsupported'), { code: 'PASSKEY_UNSUPPORTED' });

/** Registers a new passkey; returns RegistrationResponseJSON. */
export async function createPasskey(optionsJSON: Json): Promise<Json> {
  if (!passkeysSupported()) throw unsupported();
  try {
    return credentialJSON((await navigator.credentials.create({ publicKey: creationOptions(optionsJSON) })) as PublicKeyCredential);
  } catch (err) {
    throw failure(err);
  }
}

/** Asks for an assertion; returns AuthenticationResponseJSON. */
export async function getPasskey(optionsJSON: Json): Promise<Json> {
  if (!passkeysSupported()) throw unsupported();
  try {
    return credentialJSON((await navigator.credentials.get({ publicKey: requestOptions(optionsJSON) })) as PublicKeyCredential);
  } catch (err) {
    throw failure(err);
  }
}
