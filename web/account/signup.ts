// Sign-up (when the administrator allows it) and the switch between it and sign-in.
import { mutate } from '../shared/api';
import { h } from '../shared/dom';
import { form } from '../shared/form';
import { card, renderSignIn, type SignInView, type TokenSet } from '../shared/signin';
import { graphql } from './gql';
import type { SignUpInput } from './gql/graphql';

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ... on TokenSet { accessToken refreshToken expiresIn scope }
      ... on PasswordRejectedError { rules }
      ... on RateLimitedError { retryAfterSeconds }
      ... on Error { code message }
    }
  }
`);

const toggle = (label: string, prompt: string, onclick: () => void) =>
  h('p', { class: 'switch' }, prompt, h('button', { type: 'button', class: 'link', id: 'switch-mode', onclick }, label));

/** Sign-in with, when sign-up is open, a way to the sign-up form and back. */
export function showSignIn(view: SignInView, signUpEnabled: boolean, minLength: number): void {
  view.footer = signUpEnabled && toggle('Create an account', 'New here? ', () => renderSignUp(view, minLength));
  renderSignIn(view);
}

function renderSignUp(view: SignInView, minLength: number): void {
  const signUp = form({
    id: 'signup',
    fields: [
      { name: 'name', label: 'Name (optional)', autocomplete: 'name' },
      { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true },
      { name: 'username', label: 'Username (optional)', autocomplete: 'username' },
      { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true, hint: `At least ${minLength} characters; not a common password.` },
    ],
    submit: 'Create account',
    onSubmit: async (values) => {
      const input: SignUpInput = { email: values.email!.trim(), password: values.password! };
      if (values.name!.trim()) input.name = values.name!.trim();
      if (values.username!.trim()) input.username = values.username!.trim();
      const result = await mutate(SignUp, { input }, (d) => d.signUp);
      if (result.error) return result.error;
      return view.onTokens(result.value as TokenSet);
    },
  });
  card(view.root, 'Create an account', null, signUp, toggle('Sign in', 'Already have an account? ', () => showSignIn(view, true, minLength)));
}
