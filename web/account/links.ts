// The pages behind the links of lifecycle mails (docs/account-lifecycle.md):
// /account/report?token=… ("This was not me") and /account/revert-email?token=… (undo an email
// change). Each asks to confirm first, so a mail scanner that follows links changes nothing.
import { mutate } from '../shared/api';
import { h } from '../shared/dom';
import { form } from '../shared/form';
import { card } from '../shared/signin';
import { graphql } from './gql';

const ReportSignIn = graphql(`
  mutation ReportSignIn($input: ReportSignInInput!) {
    reportSignIn(input: $input) { __typename ... on ReportSignInPayload { revokedSessions forgottenDevices } ... on Error { code message } }
  }
`);
const RevertEmailChange = graphql(`
  mutation RevertEmailChange($input: RevertEmailChangeInput!) {
    revertEmailChange(input: $input) { __typename ... on EmailChangeRevertedPayload { email } ... on Error { code message } }
  }
`);

const signInLink = () => h('p', { class: 'switch' }, h('a', { href: '/account', id: 'link-done' }, 'Go to sign in'));

/** Shows the link's page when the address is one of them; false otherwise. */
export async function showLinkPage(root: HTMLElement): Promise<boolean> {
  const kind = location.pathname.replace(/\/+$/, '');
  if (kind !== '/account/report' && kind !== '/account/revert-email') return false;
  const token = new URLSearchParams(location.search).get('token') ?? '';
  // The token must not stay in the address bar or the history.
  history.replaceState(null, '', kind);
  const done = (title: string, text: string) => card(root, title, null, h('p', { id: 'link-result', role: 'status' }, text), signInLink());
  if (kind === '/account/report') {
    card(root, 'Was this you?', null,
      h('p', null, 'If a recent sign-in to your account was not you, confirm below: that session is signed out, your trusted devices are forgotten, and your password must be reset before the next sign-in with it.'),
      form({
        id: 'report-sign-in',
        submit: 'This was not me',
        onSubmit: async () => {
          const result = await mutate(ReportSignIn, { input: { token } }, (d) => d.reportSignIn);
          if (result.error) return result.error;
          done('Sign-in reported', 'Done: that session is signed out and your trusted devices are forgotten. Reset your password to sign in again.');
        },
      }), signInLink());
  } else {
    card(root, 'Undo the email change', null,
      h('p', null, 'Put this email address back on your account? Every session of the account is signed out.'),
      form({
        id: 'revert-email',
        submit: 'Restore my email address',
        onSubmit: async () => {
          const result = await mutate(RevertEmailChange, { input: { token } }, (d) => d.revertEmailChange);
          if (result.error) return result.error.code === 'INVALID_CREDENTIALS' ? { code: 'INVALID_CREDENTIALS', message: 'This link is used or has expired.' } : result.error;
          done('Email address restored', `Done: ${result.value.email} is your account's email again, and every session was signed out.`);
        },
      }), signInLink());
  }
  return true;
}
