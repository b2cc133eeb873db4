// Two-step sign-in: the authenticator app (QR code, then a code) and backup codes shown once.
import { mutate } from '../../shared/api';
import { announce, formatDate, h } from '../../shared/dom';
import { actionButton, form } from '../../shared/form';
import { ensureProof, withProof } from '../../shared/proof';
import { type AccountCtx, apply, editable, readOnlyNote, type Section, visible } from '../context';
import { graphql } from '../gql';

const GenerateTotpSecret = graphql(`
  mutation GenerateTotpSecret { me { generateTotpSecret { __typename ... on TotpSecret { secret otpauthUri qrCode } ... on Error { code message } } } }
`);
const EnrollTotp = graphql(`
  mutation EnrollTotp($input: EnrollTotpInput!) { me { enrollTotp(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } } }
`);
const GenerateBackupCodes = graphql(`
  mutation GenerateBackupCodes($verificationId: ID!) { me { generateBackupCodes(verificationId: $verificationId) { __typename ... on BackupCodes { codes } ... on Error { code message } } } }
`);
export const RemoveMfaFactor = graphql(`
  mutation RemoveMfaFactor($input: RemoveMfaFactorInput!) { me { removeMfaFactor(input: $input) { __typename ... on User { id } ... on Error { code message } } } }
`);

export const removeFactor = (ctx: AccountCtx, id: string, done: string) =>
  apply(ctx, () => withProof(ctx.me, (verificationId) => mutate(RemoveMfaFactor, { input: { id, verificationId } }, (d) => d.me.removeMfaFactor)), done);

function render(ctx: AccountCtx) {
  const { me } = ctx;
  const edit = editable(ctx, 'mfa');
  const totp = me.mfaFactors.find((f) => f.type === 'TOTP');
  const backup = me.mfaFactors.find((f) => f.type === 'BACKUP_CODE');

  const app = h('div', { class: 'sub' }, h('h3', null, 'Authenticator app'));
  if (totp) {
    app.append(h('p', null, `On since ${formatDate(totp.createdAt)}. Last used ${totp.lastUsedAt ? formatDate(totp.lastUsedAt) : 'never'}.`));
    if (edit) app.append(actionButton('totp-remove', 'Remove authenticator app', () => removeFactor(ctx, totp.id, 'Authenticator app removed.'), { class: 'secondary' }));
  } else {
    app.append(h('p', null, 'Not set up. An authenticator app adds a 6-digit code to each sign-in.'));
    if (edit) {
      const setup = h('div', { id: 'totp-setup' });
      app.append(actionButton('totp-start', 'Set up authenticator app', async () => {
        // Proof first: enrolling needs one, and asking after the code is typed could let it expire.
        if (!(await ensureProof(me))) return null;
        const secret = await mutate(GenerateTotpSecret, {}, (d) => d.me.generateTotpSecret);
        if (secret.error) return secret.error;
        setup.replaceChildren(totpSetup(ctx, secret.value));
        setup.querySelector('input')?.focus();
      }), setup);
    }
  }
  const codes = h('div', { class: 'sub' }, h('h3', null, 'Backup codes'));
  const flash = ctx.flash.backupCodes;
  if (flash) {
    ctx.flash.backupCodes = null;
    codes.append(
      h('p', { class: 'notice' }, 'Save these codes now: each works once, and they will not be shown again.'),
      h('ol', { class: 'codes', id: 'backup-codes', tabindex: '-1', 'aria-label': 'Your backup codes' }, flash.map((c) => h('li', null, h('code', null, c)))),
    );
  }
  codes.append(h('p', null, backup ? `${backup.remainingCodes} unused codes left.` : 'No backup codes. They let you sign in when your phone is not at hand.'));
  if (edit && me.mfaFactors.length) {
    codes.append(actionButton('backup-generate', backup ? 'Replace backup codes' : 'Create backup codes', async () => {
      const result = await withProof(me, (verificationId) => mutate(GenerateBackupCodes, { verificationId }, (d) => d.me.generateBackupCodes));
      if ('cancelled' in result) return null;
      if (result.error) return result.error;
      ctx.flash.backupCodes = result.value.codes;
      await ctx.reload('backup-codes');
      announce('New backup codes created. Save them now.');
    }));
    if (backup) codes.append(actionButton('backup-remove', 'Remove backup codes', () => removeFactor(ctx, backup.id, 'Backup codes removed.'), { class: 'secondary' }));
  } else if (edit) {
    codes.append(h('p', { class: 'hint' }, 'Set up an authenticator app or a passkey first.'));
  }
  return [readOnlyNote(ctx, 'mfa'), app, codes];
}

function totpSetup(ctx: AccountCtx, secret: { secret: string; qrCode: string }) {
  return h('div', { class: 'totp' },
    h('p', null, 'Scan this QR code with your authenticator app, or type the key by hand.'),
    h('img', { src: secret.qrCode, alt: 'QR code for your authenticator app', width: 180, height: 180, class: 'qr' }),
    h('p', null, 'Key: ', h('code', { id: 'totp-secret', class: 'secret' }, secret.secret)),
    form({
      id: 'totp-form',
      fields: [{ name: 'code', label: 'The 6-digit code your app shows', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
      submit: 'Turn on',
      onSubmit: ({ code }) => apply(ctx, () => withProof(ctx.me, (verificationId) =>
        mutate(EnrollTotp, { input: { secret: secret.secret, code: code!.trim(), verificationId } }, (d) => d.me.enrollTotp)), 'Authenticator app is on.'),
    }));
}

export const mfaSection: Section = { id: 'mfa', title: 'Two-step sign-in', show: (c) => visible(c, 'mfa'), render };
