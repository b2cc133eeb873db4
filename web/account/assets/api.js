// The page's only door to the service: POST /graphql with the access token (kept in memory only),
// plus the three /account endpoints that keep the refresh token in an httpOnly cookie.
import { OPS, PROBES } from './operations.js';

const CSRF = { 'x-account-page': '1' };
let accessToken = null;
let expiresAt = 0;
let onSignedOut = () => {};

export const setSignedOutHandler = (fn) => (onSignedOut = fn);
export const signedIn = () => accessToken !== null;

class ApiError extends Error {
  constructor(code, message) {
    super(message ?? code);
    this.code = code;
  }
}

async function post(path, body, headers = {}) {
  try {
    return await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK');
  }
}

async function rawGql(document, variables, token) {
  const response = await post('/graphql', { query: document, variables }, token ? { authorization: `Bearer ${token}` } : {});
  if (response.status >= 500) throw new ApiError('UNEXPECTED');
  return response.json();
}

// One refresh at a time across this browser's tabs: two tabs presenting the same refresh token at
// once would look like a stolen token to the service, which then ends the session.
async function refreshOnce() {
  const run = async () => {
    const response = await post('/account/refresh', undefined, CSRF);
    if (!response.ok) return false;
    const tokens = await response.json();
    remember(tokens);
    return true;
  };
  return navigator.locks ? navigator.locks.request('account-page-refresh', run) : run();
}

function remember(tokens) {
  accessToken = tokens.accessToken;
  // Refresh a minute early so a request never leaves with a token about to expire.
  expiresAt = Date.now() + (tokens.expiresIn - 60) * 1000;
}

/** On load: trade the cookie for an access token. False when there is no live session. */
export async function resume() {
  try {
    return await refreshOnce();
  } catch {
    return false;
  }
}

/** Keeps a fresh token set: access token in memory, refresh token handed to the cookie endpoint. */
export async function startSession(tokens) {
  remember(tokens);
  if (tokens.refreshToken) {
    const response = await post('/account/session', { refreshToken: tokens.refreshToken }, { ...CSRF, authorization: `Bearer ${accessToken}` });
    if (!response.ok) {
      // Typically the page was opened under another host name than ISSUER's (127.0.0.1 vs localhost).
      const origin = response.status === 403 ? (await response.json().catch(() => ({}))).origin : null;
      return { warning: origin && origin !== location.origin ? `This page belongs at ${origin}/account: here, a reload will sign you out.` : 'A reload will ask you to sign in again.' };
    }
  }
}

export async function signOut() {
  if (accessToken) await rawGql(OPS.signOut.document, {}, accessToken).catch(() => {});
  await post('/account/logout', undefined, CSRF).catch(() => {});
  forget();
}

export function forget() {
  accessToken = null;
  expiresAt = 0;
}

const codeOf = (errors) => errors?.[0]?.extensions?.code;

/**
 * Runs an operation from operations.js. Returns `{ value }` (the success object) or `{ error }`
 * (an Error member's `{ code, message, ... }`). Top-level failures throw ApiError.
 */
export async function call(op, variables = {}) {
  if (accessToken && Date.now() > expiresAt) await refreshOnce().catch(() => false);
  let result = await rawGql(op.document, variables, accessToken);
  if (codeOf(result.errors) === 'UNAUTHENTICATED' && accessToken) {
    // The token may have just expired or the session been rotated elsewhere: one refresh, one retry.
    if (await refreshOnce().catch(() => false)) result = await rawGql(op.document, variables, accessToken);
  }
  if (result.errors?.length && !result.data?.[op.path[0]]) {
    const code = codeOf(result.errors);
    if (code === 'UNAUTHENTICATED') {
      forget();
      onSignedOut();
    }
    throw new ApiError(code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'UNEXPECTED', result.errors[0].message);
  }
  let value = result.data;
  for (const key of op.path) value = value?.[key];
  if (value && typeof value === 'object' && 'code' in value && typeof value.code === 'string' && value.__typename?.endsWith('Error')) {
    return { error: value };
  }
  return { value };
}

/** Which optional parts of the API this service has (validation fails for an absent field). */
export async function detectFeatures() {
  const entries = await Promise.all(
    Object.entries(PROBES).map(async ([name, document]) => {
      try {
        const result = await rawGql(document, {}, null);
        return [name, !result.errors?.length];
      } catch {
        return [name, false];
      }
    }),
  );
  return Object.fromEntries(entries);
}
