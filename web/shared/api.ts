// The apps' only door to the service: POST /graphql with the access token (kept in memory only),
// plus the app's three cookie endpoints (<base>/session, /refresh, /logout) that keep the refresh
// token in an HttpOnly cookie scoped to the app's path. Documents are typed by GraphQL Code
// Generator (web/*/gql), so a result is used as the schema says it is.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { ErrorInfo } from './errors';

export type Doc<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

interface SessionConfig {
  /** '/account' or '/admin': where the cookie endpoints live (and the cookie's Path). */
  base: string;
  /** The custom header the cookie endpoints demand (a CSRF guard: it forces a CORS preflight). */
  header: string;
}

let config: SessionConfig = { base: '/account', header: 'x-account-page' };
let accessToken: string | null = null;
let expiresAt = 0;
let onSignedOut: () => void = () => {};
// A bare token (impersonation) has no refresh token: the cookie, if any, belongs to someone else.
let bare = false;

export const configureSession = (next: SessionConfig) => (config = next);
export const setSignedOutHandler = (fn: () => void) => (onSignedOut = fn);
export const signedIn = () => accessToken !== null;
/** The scopes of the current access token (the console follows them). */
export let tokenScopes: string[] = [];

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

async function post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
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

interface GqlResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function rawGql(document: string, variables: unknown, token: string | null): Promise<GqlResult> {
  // The app's header also lets the account page's trusted-device cookie count at sign-in (docs/account-lifecycle.md).
  const response = await post('/graphql', { query: document, variables }, { [config.header]: '1', ...(token ? { authorization: `Bearer ${token}` } : {}) });
  if (response.status === 503) throw new ApiError('SERVICE_UNAVAILABLE');
  if (response.status >= 500) throw new ApiError('UNEXPECTED');
  return (await response.json()) as GqlResult;
}

export interface TokenSetLike {
  accessToken: string;
  refreshToken?: string | null;
  expiresIn: number;
  scope?: string;
}

function remember(tokens: TokenSetLike) {
  accessToken = tokens.accessToken;
  tokenScopes = scopesOf(tokens);
  // Refresh a minute early so a request never leaves with a token about to expire.
  expiresAt = Date.now() + (tokens.expiresIn - 60) * 1000;
}

function scopesOf(tokens: TokenSetLike): string[] {
  if (tokens.scope !== undefined) return tokens.scope.split(' ').filter(Boolean);
  try {
    const payload = JSON.parse(atob(tokens.accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { scope?: string };
    return (payload.scope ?? '').split(' ').filter(Boolean);
  } catch {
    return [];
  }
}

// One refresh at a time across this browser's tabs: two tabs presenting the same refresh token at
// once would look like a stolen token to the service, which then ends the session.
async function refreshOnce(): Promise<boolean> {
  if (bare) return false;
  const run = async () => {
    const response = await post(`${config.base}/refresh`, undefined, { [config.header]: '1' });
    if (!response.ok) return false;
    remember((await response.json()) as TokenSetLike);
    return true;
  };
  return navigator.locks ? navigator.locks.request(`${config.base}-refresh`, run) : run();
}

/** On load: trade the cookie for an access token. False when there is no live session. */
export async function resume(): Promise<boolean> {
  try {
    return await refreshOnce();
  } catch {
    return false;
  }
}

/** Keeps a fresh token set: access token in memory, refresh token handed to the cookie endpoint. */
export async function startSession(tokens: TokenSetLike): Promise<{ warning?: string }> {
  remember(tokens);
  if (!tokens.refreshToken) return {};
  const response = await post(`${config.base}/session`, { refreshToken: tokens.refreshToken }, { [config.header]: '1', authorization: `Bearer ${accessToken}` });
  if (response.ok) return {};
  // Typically the page was opened under another host name than ISSUER's (127.0.0.1 vs localhost).
  const origin = response.status === 403 ? ((await response.json().catch(() => ({}))) as { origin?: string }).origin : null;
  return {
    warning: origin && origin !== location.origin ? `This page belongs at ${origin}${config.base}: here, a reload will sign you out.` : 'A reload will ask you to sign in again.',
  };
}

/** Hands a trusted-device token to the app's cookie endpoint (HttpOnly: scripts never read it back). */
export async function storeDeviceToken(deviceToken: string): Promise<void> {
  await post(`${config.base}/device`, { deviceToken }, { [config.header]: '1' }).catch(() => undefined);
}

/** Uses a token that has no refresh token and no cookie (an impersonation token). */
export function useBareToken(tokens: TokenSetLike): void {
  bare = true;
  remember(tokens);
}

export async function signOut(signOutDocument: string): Promise<void> {
  if (accessToken) await rawGql(signOutDocument, {}, accessToken).catch(() => {});
  if (!bare) await post(`${config.base}/logout`, undefined, { [config.header]: '1' }).catch(() => {});
  forget();
}

export function forget(): void {
  accessToken = null;
  bare = false;
  tokenScopes = [];
  expiresAt = 0;
}

const topCode = (result: GqlResult) => result.errors?.[0]?.extensions?.code;

/** Runs a typed document; top-level failures (auth, transport, bugs) throw ApiError. */
export async function request<R, V>(doc: Doc<R, V>, variables?: V): Promise<R> {
  const vars = variables ?? {};
  if (accessToken && Date.now() > expiresAt) await refreshOnce().catch(() => false);
  let result = await rawGql(doc.toString(), vars, accessToken);
  if (topCode(result) === 'UNAUTHENTICATED' && accessToken) {
    // The token may have just expired or the session been rotated elsewhere: one refresh, one retry.
    if (await refreshOnce().catch(() => false)) result = await rawGql(doc.toString(), vars, accessToken);
  }
  if (result.errors?.length) {
    const code = topCode(result);
    if (code === 'UNAUTHENTICATED' && accessToken) {
      forget();
      onSignedOut();
    }
    const known = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'SERVICE_UNAVAILABLE' || code === 'INVALID_INPUT';
    throw new ApiError(known ? code : 'UNEXPECTED', result.errors[0]!.message);
  }
  return result.data as R;
}

type ErrorMember = { __typename: `${string}Error`; code: string; message: string };
/** A mutation result split into its success member and its Error members. */
export type Outcome<T> = { value: Exclude<T, ErrorMember>; error?: undefined } | { error: Extract<T, ErrorMember> & ErrorInfo; value?: undefined };

export function outcome<T extends { __typename?: string }>(result: T): Outcome<T> {
  if (result.__typename?.endsWith('Error')) return { error: result as Extract<T, ErrorMember> & ErrorInfo };
  return { value: result as Exclude<T, ErrorMember> };
}

/** request + pick the mutation's result + outcome, the usual shape of a write. */
export async function mutate<R, V, T extends { __typename?: string }>(doc: Doc<R, V>, variables: V, pick: (data: R) => T): Promise<Outcome<T>> {
  return outcome(pick(await request(doc, variables)));
}
