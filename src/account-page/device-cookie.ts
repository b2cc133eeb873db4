// The account page's trusted-device cookie (docs/account-lifecycle.md). After verifySignIn with
// trustDevice the page hands the deviceToken to POST /account/device, which stores it in an
// HttpOnly, SameSite=Strict cookie scoped to /graphql; from then on the page's signIn requests
// carry it without any script being able to read it. It is read only from requests that also
// carry the page's `X-Account-Page: 1` header (a cross-site form cannot send that).
export const DEVICE_COOKIE = 'account_device';

export function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

export function accountPageDeviceToken(request: Request): string | null {
  if (request.headers.get('x-account-page') !== '1') return null;
  return readCookie(request, DEVICE_COOKIE);
}

export function deviceCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${DEVICE_COOKIE}=${value}`, 'Path=/graphql', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}
