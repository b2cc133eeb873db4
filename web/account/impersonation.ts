// An administrator acting as this user: the console opens /account#impersonate=<token> (a
// fragment never reaches a server or a Referer). The token has no refresh token and no cookie;
// the banner says who is being impersonated and `Stop impersonating` ends that session.
import { signOut, type TokenSetLike } from '../shared/api';
import { h } from '../shared/dom';
import { SignOutMutation } from '../shared/documents';
import { banner } from '../shared/layout';

const KEY = 'impersonate';

export function takeImpersonation(): (TokenSetLike & { back: string }) | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const accessToken = params.get(KEY);
  if (!accessToken) return null;
  history.replaceState(null, '', '/account');
  const expiresIn = Number(params.get('expiresIn') ?? '3600');
  // Only a console page of this origin is a place to go back to.
  const back = params.get('back') ?? '';
  return { accessToken, expiresIn, back: back.startsWith('/admin') ? back : '/admin' };
}

let back = '/admin';
export const rememberBack = (path: string) => void (back = path);

export function showImpersonation(who: string): void {
  document.getElementById('impersonation')?.remove();
  banner('impersonation',
    h('strong', null, `Impersonating ${who}`),
    h('span', null, ' Everything you do here is done as this user and recorded with your name.'),
    h('button', { type: 'button', id: 'stop-impersonating', onclick: async () => {
      await signOut(SignOutMutation.toString());
      location.assign(back);
    } }, 'Stop impersonating'));
}
