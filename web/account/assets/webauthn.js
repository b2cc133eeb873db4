// WebAuthn between the API's W3C JSON forms (binary fields base64url) and the browser's
// ArrayBuffer-based credential API. Uses the browser's own JSON helpers when it has them.
const toBytes = (b64url) => {
  const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(b64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
};
const toB64url = (buffer) => {
  const bytes = new Uint8Array(buffer);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

export const passkeysSupported = () => typeof window.PublicKeyCredential === 'function';

function creationOptions(json) {
  if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  return {
    ...json,
    challenge: toBytes(json.challenge),
    user: { ...json.user, id: toBytes(json.user.id) },
    excludeCredentials: (json.excludeCredentials ?? []).map((c) => ({ ...c, id: toBytes(c.id) })),
  };
}

function requestOptions(json) {
  if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  return { ...json, challenge: toBytes(json.challenge), allowCredentials: (json.allowCredentials ?? []).map((c) => ({ ...c, id: toBytes(c.id) })) };
}

function credentialJSON(credential) {
  if (typeof credential.toJSON === 'function') return credential.toJSON();
  const r = credential.response;
  const response = { clientDataJSON: toB64url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toB64url(r.attestationObject);
    response.transports = r.getTransports?.() ?? [];
  } else {
    response.authenticatorData = toB64url(r.authenticatorData);
    response.signature = toB64url(r.signature);
    if (r.userHandle) response.userHandle = toB64url(r.userHandle);
  }
  return { id: credential.id, rawId: toB64url(credential.rawId), type: credential.type, response, clientExtensionResults: credential.getClientExtensionResults(), authenticatorAttachment: credential.authenticatorAttachment ?? undefined };
}

const cancelled = (err) => Object.assign(new Error(err?.message ?? 'cancelled'), { code: err?.name === 'NotSupportedError' ? 'PASSKEY_UNSUPPORTED' : 'PASSKEY_CANCELLED' });

/** Registers a new passkey; returns RegistrationResponseJSON. */
export async function createPasskey(optionsJSON) {
  if (!passkeysSupported()) throw Object.assign(new Error('unsupported'), { code: 'PASSKEY_UNSUPPORTED' });
  try {
    return credentialJSON(await navigator.credentials.create({ publicKey: creationOptions(optionsJSON) }));
  } catch (err) {
    throw cancelled(err);
  }
}

/** Asks for an assertion; returns AuthenticationResponseJSON. */
export async function getPasskey(optionsJSON) {
  if (!passkeysSupported()) throw Object.assign(new Error('unsupported'), { code: 'PASSKEY_UNSUPPORTED' });
  try {
    return credentialJSON(await navigator.credentials.get({ publicKey: requestOptions(optionsJSON) }));
  } catch (err) {
    throw cancelled(err);
  }
}
