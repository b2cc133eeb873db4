// Email and phone: a code to the new address proves it is theirs, then an identity proof sets it.
import { mutate } from '../../shared/api';
import { actionButton, form } from '../../shared/form';
import { announce, facts, h } from '../../shared/dom';
import { SendCode, VerifyCode, withProof } from '../../shared/proof';
import { type AccountCtx, apply, editable, readOnlyNote, type Section, visible } from '../context';
import { graphql } from '../gql';

const SetEmail = graphql(`
  mutation SetPrimaryEmail($input: SetPrimaryEmailInput!) { me { setPrimaryEmail(input: $input) { __typename ... on User { id } ... on Error { code message } } } }
`);
const SetPhone = graphql(`
  mutation SetPrimaryPhone($input: SetPrimaryPhoneInput!) { me { setPrimaryPhone(input: $input) { __typename ... on User { id } ... on Error { code message } } } }
`);
const RemoveEmail = graphql(`
  mutation RemovePrimaryEmail($verificationId: ID!) { me { removePrimaryEmail(verificationId: $verificationId) { __typename ... on User { id } ... on Error { code message } } } }
`);
const RemovePhone = graphql(`
  mutation RemovePrimaryPhone($verificationId: ID!) { me { removePrimaryPhone(verificationId: $verificationId) { __typename ... on User { id } ... on Error { code message } } } }
`);

function render(ctx: AccountCtx, kind: 'email' | 'phone') {
  const isEmail = kind === 'email';
  const current = isEmail ? ctx.me.primaryEmail : ctx.me.primaryPhone;
  const verified = isEmail ? ctx.me.emailVerified : ctx.me.phoneVerified;
  const label = isEmail ? 'Email' : 'Phone';
  const parts: (Node | false | null)[] = [
    facts([[label, current], current ? ['Verified', verified ? 'Yes' : 'Not yet'] : null]),
    readOnlyNote(ctx, kind),
  ];
  // An unverified current address: a code to it proves it (a trusted sign-in provider then links by it).
  if (current && !verified) parts.push(verifyCurrent(ctx, kind, current));
  if (!editable(ctx, kind)) return parts;
  let pending: { address: string; verificationId: string; verified?: boolean } | null = null;
  const codeArea = h('div', { class: 'code-step', id: `${kind}-code-step` });
  const setIt = (p: { address: string; verificationId: string }, verificationId: string) =>
    isEmail
      ? mutate(SetEmail, { input: { email: p.address, newIdentifierVerificationId: p.verificationId, verificationId } }, (d) => d.me.setPrimaryEmail)
      : mutate(SetPhone, { input: { phone: p.address, newIdentifierVerificationId: p.verificationId, verificationId } }, (d) => d.me.setPrimaryPhone);
  const confirmForm = (p: NonNullable<typeof pending>) => form({
    id: `${kind}-confirm-form`,
    fields: [{ name: 'code', label: `The 6-digit code sent to ${p.address}`, inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
    submit: `Confirm new ${label.toLowerCase()}`,
    onSubmit: async ({ code }) => {
      // Checked once: a retry after a cancelled identity proof reuses the verified record.
      if (!p.verified) {
        const checked = await mutate(VerifyCode, { input: { verificationId: p.verificationId, code: code!.trim() } }, (d) => d.me.verifyCode);
        if (checked.error) return checked.error;
        p.verified = true;
      }
      return apply(ctx, () => withProof(ctx.me, (verificationId) => setIt(p, verificationId)), `${label} changed to ${p.address}.`);
    },
  });
  parts.push(form({
    id: `${kind}-form`,
    fields: [isEmail
      ? { name: 'address', label: current ? 'New email' : 'Email', type: 'email', autocomplete: 'email', required: true }
      : { name: 'address', label: `${current ? 'New phone' : 'Phone'} (international, e.g. +14155550100)`, type: 'tel', autocomplete: 'tel', required: true }],
    submit: 'Send code',
    onSubmit: async ({ address }) => {
      const value = address!.trim();
      const sent = await mutate(SendCode, { input: isEmail ? { email: value } : { phone: value } }, (d) => d.me.sendVerificationCode);
      if (sent.error) return sent.error;
      pending = { address: value, verificationId: sent.value.id };
      codeArea.replaceChildren(confirmForm(pending));
      announce(`We sent a code to ${value}.`);
      codeArea.querySelector('input')?.focus();
    },
  }), codeArea);
  if (current) {
    parts.push(actionButton(`${kind}-remove`, `Remove ${label.toLowerCase()}`, () =>
      apply(ctx, () => withProof(ctx.me, (verificationId) => isEmail
        ? mutate(RemoveEmail, { verificationId }, (d) => d.me.removePrimaryEmail)
        : mutate(RemovePhone, { verificationId }, (d) => d.me.removePrimaryPhone)), `${label} removed.`), { class: 'secondary' }));
  }
  return parts;
}

function verifyCurrent(ctx: AccountCtx, kind: 'email' | 'phone', address: string): HTMLElement {
  const area = h('div', { class: 'code-step', id: `${kind}-verify-step` });
  const confirm = (verificationId: string) => form({
    id: `${kind}-verify-form`,
    fields: [{ name: 'code', label: `The 6-digit code sent to ${address}`, inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
    submit: 'Verify',
    onSubmit: ({ code }) =>
      apply(ctx, () => mutate(VerifyCode, { input: { verificationId, code: code!.trim() } }, (d) => d.me.verifyCode), `${address} is verified.`),
  });
  area.append(actionButton(`${kind}-verify`, `Verify ${address}`, async () => {
    const sent = await mutate(SendCode, { input: kind === 'email' ? { email: address } : { phone: address } }, (d) => d.me.sendVerificationCode);
    if (sent.error) return sent.error;
    area.replaceChildren(confirm(sent.value.id));
    announce(`We sent a code to ${address}.`);
    area.querySelector('input')?.focus();
    return null;
  }, { class: 'secondary' }));
  return area;
}

export const emailSection: Section = { id: 'email', title: 'Email', show: (c) => visible(c, 'email'), render: (c) => render(c, 'email') };
export const phoneSection: Section = { id: 'phone', title: 'Phone', show: (c) => visible(c, 'phone'), render: (c) => render(c, 'phone') };
