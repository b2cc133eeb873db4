// Query.signInMethods (public, so sign-in pages offer only what works) and
// admin.updateSignInMethods (admin:settings, merging, audited).
import { actorOf } from '../../../schema/actor.js';
import { builder } from '../../../schema/builder.js';
import { AdminMutation } from '../../../schema/root.js';
import { getSignInMethods, type SignInMethods, updateSignInMethods } from './sign-in-methods.service.js';

const SignUpVerificationEnum = builder.enumType('SignUpVerification', {
  values: {
    NONE: { description: 'signUp creates the account at once; its address stays unproven.' },
    CODE: { description: 'signUp sends a code first (SignUpChallenge); finishSignUp creates the account, address proven.' },
  } as const,
});

const SignInMethodsType = builder.objectRef<SignInMethods>('SignInMethods').implement({
  description: 'The ways in this service offers. A switched-off method answers SIGN_IN_METHOD_DISABLED.',
  fields: (t) => ({
    password: t.exposeBoolean('password'),
    passkey: t.exposeBoolean('passkey'),
    emailCode: t.exposeBoolean('emailCode', { description: 'startCodeSignIn with an email (or a username whose account has one).' }),
    smsCode: t.exposeBoolean('smsCode', { description: 'startCodeSignIn with a phone number (off by default without an SMS sender).' }),
    magicLink: t.exposeBoolean('magicLink'),
    social: t.exposeBoolean('social'),
    signUpVerification: t.field({ type: SignUpVerificationEnum, resolve: (m) => m.signUpVerification }),
  }),
});

const UpdateSignInMethodsInput = builder.inputType('UpdateSignInMethodsInput', {
  description: 'Merged: a method left out keeps its setting.',
  fields: (t) => ({
    password: t.boolean(),
    passkey: t.boolean(),
    emailCode: t.boolean(),
    smsCode: t.boolean(),
    magicLink: t.boolean(),
    social: t.boolean(),
    signUpVerification: t.field({ type: SignUpVerificationEnum }),
  }),
});

builder.queryField('signInMethods', (t) =>
  t.field({
    type: SignInMethodsType,
    description: 'Public: which sign-in methods are on.',
    resolve: (_root, _args, ctx) => getSignInMethods(ctx.deps),
  }),
);

builder.objectField(AdminMutation, 'updateSignInMethods', (t) =>
  t.field({
    type: SignInMethodsType,
    errors: {},
    authScopes: { admin: 'admin:settings' },
    description: 'Switches sign-in methods on or off, and sets whether sign-up sends a code first.',
    args: { input: t.arg({ type: UpdateSignInMethodsInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateSignInMethods(ctx.deps, input, actorOf(ctx), ctx.request),
  }),
);
