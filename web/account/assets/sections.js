// The account-center sections. Each follows its field's mode from Query.accountCenter: OFF hidden,
// READ_ONLY shown without controls, EDIT with controls. A section renders from `ctx.me` and calls
// `ctx.reload()` after a change; secrets shown once (backup codes, a new token) travel in ctx.flash.
import { call } from './api.js';
import { actionButton, announce, field, form, formatDate, h } from './dom.js';
import { errorSentence } from './errors.js';
import { OPS } from './operations.js';
import { clearProof, ensureProof, withProof } from './proof.js';
import { SOCIAL_STATE_KEY, passwordHint } from './signin.js';
import { createPasskey } from './webauthn.js';

export function modeOf(ctx, field) {
  const mode = ctx.center.fields[field] ?? 'OFF';
  // While the account center is disabled every `me` change is refused: show, but offer no controls.
  return mode === 'EDIT' && !ctx.center.enabled ? 'READ_ONLY' : mode;
}
const editable = (ctx, f) => modeOf(ctx, f) === 'EDIT';
const visible = (ctx, f) => modeOf(ctx, f) !== 'OFF';

/** Runs a mutation; on success announces `done` and reloads. Returns the error for the form to show. */
async function mutate(ctx, run, done) {
  const result = await run();
  if (result.cancelled) return null;
  if (result.error) {
    if (result.error.code === 'NOT_FOUND') await ctx.reload();
    return result.error;
  }
  await ctx.reload();
  announce(done);
  return null;
}

const readOnlyNote = (ctx, f) => modeOf(ctx, f) === 'READ_ONLY' && h('p', { class: 'hint' }, 'This is managed by the administrator and cannot be changed here.');
const dl = (rows) => h('dl', { class: 'facts' }, rows.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v ?? '—')]));

// --- profile -----------------------------------------------------------------------------------
const CLAIMS = [
  ['givenName', 'Given name', 'given-name'],
  ['familyName', 'Family name', 'family-name'],
  ['middleName', 'Middle name', 'additional-name'],
  ['nickname', 'Nickname', 'nickname'],
  ['website', 'Website', 'url'],
  ['birthdate', 'Birthdate (YYYY-MM-DD)', 'bday'],
  ['gender', 'Gender', 'sex'],
  ['locale', 'Locale (e.g. en-US)', 'language'],
  ['zoneinfo', 'Time zone (e.g. Europe/Paris)', 'off'],
];

function profileSection(ctx) {
  const { me } = ctx;
  const editFields = [];
  const shown = [];
  if (visible(ctx, 'name')) (editable(ctx, 'name') ? editFields : shown).push({ name: 'name', label: 'Name', value: me.name, autocomplete: 'name' });
  if (visible(ctx, 'avatar')) (editable(ctx, 'avatar') ? editFields : shown).push({ name: 'avatar', label: 'Avatar image URL', type: 'url', value: me.avatar, autocomplete: 'photo' });
  const claimFields = [];
  if (visible(ctx, 'profile')) {
    for (const [key, label, autocomplete] of CLAIMS) {
      (editable(ctx, 'profile') ? claimFields : shown).push({ name: `profile.${key}`, label, value: me.profile[key], autocomplete });
    }
  }
  const avatar = me.avatar && visible(ctx, 'avatar') && h('img', { class: 'avatar', src: me.avatar, alt: '', width: 64, height: 64 });
  const hasClaims = claimFields.some((f) => f.value);
  const editForm =
    editFields.length + claimFields.length > 0 &&
    form(
      {
        id: 'profile-form',
        fields: editFields,
        // The OIDC claims are many and mostly empty: folded away until wanted.
        extra: claimFields.length > 0 && h('details', { open: hasClaims }, h('summary', null, 'More profile details'), claimFields.map((f) => field('profile-form', f))),
        submit: 'Save profile',
        onSubmit: async (values) => {
          const input = {};
          const profile = {};
          const norm = (v) => (v.trim() === '' ? null : v.trim());
          for (const f of [...editFields, ...claimFields]) {
            const next = norm(values[f.name] ?? '');
            if (next === (f.value ?? null)) continue;
            if (f.name.startsWith('profile.')) profile[f.name.slice(8)] = next;
            else input[f.name] = next;
          }
          if (Object.keys(profile).length) input.profile = profile;
          if (!Object.keys(input).length) return announce('Nothing to save: no changes.');
          return mutate(ctx, () => call(OPS.updateProfile, { input }), 'Profile saved.');
        },
      },
      errorSentence,
    );
  const custom = visible(ctx, 'customData') && customDataBlock(ctx);
  return [avatar, shown.length > 0 && dl(shown.map((f) => [f.label, f.value])), editForm, custom];
}

function customDataBlock(ctx) {
  const text = JSON.stringify(ctx.me.customData ?? {}, null, 2);
  if (!editable(ctx, 'customData')) return h('div', null, h('h3', null, 'Custom data'), h('pre', { class: 'json', tabindex: '0', 'aria-label': 'Custom data' }, text));
  return h('div', null, h('h3', null, 'Custom data'),
    form(
      {
        id: 'custom-data-form',
        fields: [{ name: 'customData', label: 'Custom data (JSON object)', type: 'textarea', value: text, rows: 5 }],
        submit: 'Save custom data',
        onSubmit: async ({ customData }) => {
          let parsed;
          try {
            parsed = JSON.parse(customData);
          } catch {
            return { code: 'INVALID_INPUT', message: 'Custom data must be valid JSON' };
          }
          return mutate(ctx, () => call(OPS.updateProfile, { input: { customData: parsed } }), 'Custom data saved.');
        },
      },
      errorSentence,
    ));
}

// --- username ----------------------------------------------------------------------------------
function usernameSection(ctx) {
  const { me } = ctx;
  return [
    dl([['Username', me.username]]),
    readOnlyNote(ctx, 'username'),
    editable(ctx, 'username') &&
      form(
        {
          id: 'username-form',
          fields: [{ name: 'username', label: 'New username', value: me.username, autocomplete: 'username', required: true }],
          submit: 'Change username',
          onSubmit: async ({ username }) => {
            const next = username.trim();
            if (next === me.username) return announce('Nothing to save: no changes.');
            // A username change needs an identity proof (docs/api.md).
            return mutate(ctx, () => withProof(ctx, (verificationId) => call(OPS.updateProfile, { input: { username: next, verificationId } })), 'Username changed.');
          },
        },
        errorSentence,
      ),
  ];
}

// --- email / phone -----------------------------------------------------------------------------
function identifierSection(ctx, kind) {
  const isEmail = kind === 'email';
  const current = isEmail ? ctx.me.primaryEmail : ctx.me.primaryPhone;
  const label = isEmail ? 'Email' : 'Phone';
  const parts = [dl([[label, current]]), readOnlyNote(ctx, kind)];
  if (!editable(ctx, kind)) return parts;
  let pending = null; // { address, verificationId } once a code was sent to the new address
  const codeArea = h('div', { class: 'code-step', id: `${kind}-code-step` });
  const startForm = form(
    {
      id: `${kind}-form`,
      fields: [
        isEmail
          ? { name: 'address', label: current ? 'New email' : 'Email', type: 'email', autocomplete: 'email', required: true }
          : { name: 'address', label: current ? 'New phone (international, e.g. +14155550100)' : 'Phone (international, e.g. +14155550100)', type: 'tel', autocomplete: 'tel', required: true },
      ],
      submit: 'Send code',
      onSubmit: async ({ address }) => {
        const value = address.trim();
        const sent = await call(OPS.sendVerificationCode, { input: isEmail ? { email: value } : { phone: value } });
        if (sent.error) return sent.error;
        pending = { address: value, verificationId: sent.value.id };
        codeArea.replaceChildren(confirmForm());
        announce(`We sent a code to ${value}.`);
        codeArea.querySelector('input').focus();
      },
    },
    errorSentence,
  );
  const confirmForm = () =>
    form(
      {
        id: `${kind}-confirm-form`,
        fields: [{ name: 'code', label: `The 6-digit code sent to ${pending.address}`, inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
        submit: `Confirm new ${label.toLowerCase()}`,
        onSubmit: async ({ code }) => {
          // Checked once: a retry after a cancelled identity proof reuses the verified record.
          if (!pending.verified) {
            const checked = await call(OPS.verifyCode, { input: { verificationId: pending.verificationId, code: code.trim() } });
            if (checked.error) return checked.error;
            pending.verified = true;
          }
          const set = isEmail ? OPS.setPrimaryEmail : OPS.setPrimaryPhone;
          return mutate(
            ctx,
            () => withProof(ctx, (verificationId) => call(set, { input: { [isEmail ? 'email' : 'phone']: pending.address, newIdentifierVerificationId: pending.verificationId, verificationId } })),
            `${label} changed to ${pending.address}.`,
          );
        },
      },
      errorSentence,
    );
  parts.push(startForm, codeArea);
  if (current) {
    parts.push(
      actionButton(`${kind}-remove`, `Remove ${label.toLowerCase()}`, () =>
        mutate(ctx, () => withProof(ctx, (verificationId) => call(isEmail ? OPS.removePrimaryEmail : OPS.removePrimaryPhone, { verificationId })), `${label} removed.`),
        errorSentence, { class: 'secondary' }),
    );
  }
  return parts;
}

// --- password ----------------------------------------------------------------------------------
function passwordSection(ctx) {
  const { me } = ctx;
  const parts = [h('p', null, me.hasPassword ? 'You have a password.' : 'You have no password yet.'), readOnlyNote(ctx, 'password')];
  if (!editable(ctx, 'password')) return parts;
  // The API asks for a proof when the account has a password, email or phone (docs/api.md).
  const needsProof = me.hasPassword || me.primaryEmail || me.primaryPhone;
  parts.push(
    form(
      {
        id: 'password-form',
        fields: [
          { name: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password', required: true, hint: `${passwordHint(ctx)} Your other sessions will be signed out.` },
          { name: 'confirm', label: 'Repeat the new password', type: 'password', autocomplete: 'new-password', required: true },
        ],
        submit: me.hasPassword ? 'Change password' : 'Set password',
        onSubmit: async ({ newPassword, confirm }) => {
          if (newPassword !== confirm) return { code: 'INVALID_INPUT', message: 'The two passwords do not match' };
          const run = needsProof
            ? () => withProof(ctx, (verificationId) => call(OPS.setPassword, { input: { newPassword, verificationId } }))
            : () => call(OPS.setPassword, { input: { newPassword } });
          const error = await mutate(ctx, run, 'Password saved. Your other sessions were signed out.');
          // A password change ends the other identity proofs: start fresh next time.
          if (!error) clearProof();
          return error;
        },
      },
      errorSentence,
    ),
  );
  return parts;
}

// --- MFA: authenticator app and backup codes ----------------------------------------------------
function mfaSection(ctx) {
  const { me } = ctx;
  const edit = editable(ctx, 'mfa');
  const totp = me.mfaFactors.find((f) => f.type === 'TOTP');
  const backup = me.mfaFactors.find((f) => f.type === 'BACKUP_CODE');
  const removeFactor = (factor, done) =>
    mutate(ctx, () => withProof(ctx, (verificationId) => call(OPS.removeMfaFactor, { input: { id: factor.id, verificationId } })), done);

  const app = h('div', { class: 'sub' }, h('h3', null, 'Authenticator app'));
  if (totp) {
    app.append(h('p', null, `On since ${formatDate(totp.createdAt)}. Last used ${totp.lastUsedAt ? formatDate(totp.lastUsedAt) : 'never'}.`));
    if (edit) app.append(actionButton('totp-remove', 'Remove authenticator app', () => removeFactor(totp, 'Authenticator app removed.'), errorSentence, { class: 'secondary' }));
  } else {
    app.append(h('p', null, 'Not set up. An authenticator app adds a 6-digit code to each sign-in.'));
    if (edit) {
      const setup = h('div', { id: 'totp-setup' });
      app.append(
        actionButton('totp-start', 'Set up authenticator app', async () => {
          // Proof first: enrolling needs one, and asking after the code is typed could let it expire.
          if (!(await ensureProof(ctx))) return null;
          const secret = await call(OPS.generateTotpSecret);
          if (secret.error) return secret.error;
          setup.replaceChildren(totpSetup(ctx, secret.value));
          setup.querySelector('input').focus();
        }, errorSentence),
        setup,
      );
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
  if (edit && (totp || backup || me.mfaFactors.length)) {
    codes.append(
      actionButton('backup-generate', backup ? 'Replace backup codes' : 'Create backup codes', async () => {
        const result = await withProof(ctx, (verificationId) => call(OPS.generateBackupCodes, { verificationId }));
        if (result.cancelled) return null;
        if (result.error) return result.error;
        ctx.flash.backupCodes = result.value.codes;
        await ctx.reload('backup-codes');
        announce('New backup codes created. Save them now.');
      }, errorSentence),
    );
    if (backup) codes.append(actionButton('backup-remove', 'Remove backup codes', () => removeFactor(backup, 'Backup codes removed.'), errorSentence, { class: 'secondary' }));
  } else if (edit) {
    codes.append(h('p', { class: 'hint' }, 'Set up an authenticator app or a passkey first.'));
  }
  return [readOnlyNote(ctx, 'mfa'), app, codes];
}

function totpSetup(ctx, secret) {
  return h('div', { class: 'totp' },
    h('p', null, 'Scan this QR code with your authenticator app, or type the key by hand.'),
    h('img', { src: secret.qrCode, alt: 'QR code for your authenticator app', width: 180, height: 180, class: 'qr' }),
    h('p', null, 'Key: ', h('code', { id: 'totp-secret', class: 'secret' }, secret.secret)),
    form(
      {
        id: 'totp-form',
        fields: [{ name: 'code', label: 'The 6-digit code your app shows', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
        submit: 'Turn on',
        onSubmit: ({ code }) =>
          mutate(ctx, () => withProof(ctx, (verificationId) => call(OPS.enrollTotp, { input: { secret: secret.secret, code: code.trim(), verificationId } })), 'Authenticator app is on.'),
      },
      errorSentence,
    ),
  );
}

// --- passkeys ----------------------------------------------------------------------------------
function passkeysSection(ctx) {
  const edit = editable(ctx, 'passkey');
  const keys = ctx.me.mfaFactors.filter((f) => f.type === 'WEBAUTHN');
  const list = keys.length
    ? h('ul', { class: 'rows' }, keys.map((k) =>
        h('li', null,
          h('div', null, h('strong', null, k.name || 'Passkey'), h('span', { class: 'meta' }, `Added ${formatDate(k.createdAt)} · last used ${k.lastUsedAt ? formatDate(k.lastUsedAt) : 'never'}`)),
          edit && h('div', { class: 'row-actions' },
            h('details', null, h('summary', null, 'Rename'),
              form({ id: `passkey-rename-${k.id}`, fields: [{ name: 'name', label: 'New name', value: k.name, required: true }], submit: 'Rename',
                onSubmit: ({ name }) => mutate(ctx, () => call(OPS.renamePasskey, { id: k.id, name: name.trim() }), 'Passkey renamed.') }, errorSentence)),
            actionButton(`passkey-remove-${k.id}`, 'Remove', () =>
              mutate(ctx, () => withProof(ctx, (verificationId) => call(OPS.removeMfaFactor, { input: { id: k.id, verificationId } })), 'Passkey removed.'), errorSentence, { class: 'secondary', 'aria-label': `Remove passkey ${k.name || ''}`.trim() }),
          ),
        )))
    : h('p', null, 'No passkeys yet. A passkey signs you in with your fingerprint, face or device PIN.');
  const add =
    edit &&
    form(
      {
        id: 'passkey-add',
        fields: [{ name: 'name', label: 'Name for the new passkey (optional)', value: '' }],
        submit: 'Add a passkey',
        onSubmit: ({ name }) =>
          mutate(ctx, () => withProof(ctx, async (verificationId) => {
            const start = await call(OPS.startPasskeyRegistration, { verificationId });
            if (start.error) return start;
            const credential = await createPasskey(start.value.options);
            return call(OPS.finishPasskeyRegistration, { challengeId: start.value.challengeId, credential, name: name.trim() || null });
          }), 'Passkey added.'),
      },
      errorSentence,
    );
  return [readOnlyNote(ctx, 'passkey'), list, add];
}

// --- linked social accounts --------------------------------------------------------------------
function socialSection(ctx) {
  const edit = editable(ctx, 'social');
  const linked = new Map((ctx.me.identities ?? []).map((i) => [i.provider, i]));
  if (!ctx.providers.length && !linked.size) return [h('p', null, 'No social sign-in providers are configured.')];
  const keys = new Set([...ctx.providers.map((p) => p.key), ...linked.keys()]);
  return [
    readOnlyNote(ctx, 'social'),
    h('ul', { class: 'rows' }, [...keys].map((key) => {
      const provider = ctx.providers.find((p) => p.key === key);
      const identity = linked.get(key);
      const name = provider?.name ?? key;
      return h('li', null,
        h('div', null, h('strong', null, name), h('span', { class: 'meta' }, identity ? `Linked as ${identity.email ?? identity.name ?? identity.subject} · ${formatDate(identity.linkedAt)}` : 'Not linked')),
        edit && h('div', { class: 'row-actions' },
          identity
            ? actionButton(`social-unlink-${key}`, `Unlink ${name}`, () =>
                mutate(ctx, () => withProof(ctx, (verificationId) => call(OPS.removeIdentity, { provider: key, verificationId })), `${name} unlinked.`), errorSentence, { class: 'secondary' })
            : provider && actionButton(`social-link-${key}`, `Link ${name}`, async () => {
                const result = await withProof(ctx, (verificationId) => call(OPS.startSocialLink, { provider: key, redirectUri: `${location.origin}/account`, verificationId }));
                if (result.cancelled) return null;
                if (result.error) return result.error;
                sessionStorage.setItem(SOCIAL_STATE_KEY, JSON.stringify({ state: result.value.state, mode: 'link' }));
                location.assign(result.value.authorizationUrl);
              }, errorSentence),
        ));
    })),
  ];
}

// --- sessions ----------------------------------------------------------------------------------
function describeAgent(ua) {
  if (!ua) return 'Unknown device';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  return browser ? `${browser}${os ? ` on ${os}` : ''}` : ua.slice(0, 60);
}

function sessionsSection(ctx) {
  const edit = editable(ctx, 'sessions');
  const sessions = ctx.me.sessions.edges.map((e) => e.node);
  const others = sessions.filter((s) => !s.current);
  return [
    readOnlyNote(ctx, 'sessions'),
    h('ul', { class: 'rows', id: 'session-list' }, sessions.map((s) =>
      h('li', { class: s.current ? 'current' : null, 'data-session': s.id },
        h('div', null,
          h('strong', null, describeAgent(s.userAgent)), s.current && h('span', { class: 'badge' }, 'This device'), s.impersonated && h('span', { class: 'badge warn' }, 'Admin'),
          h('span', { class: 'meta' }, `${s.ip ?? 'unknown address'} · signed in ${formatDate(s.createdAt)} · active ${formatDate(s.lastActiveAt)}`)),
        edit && !s.current && h('div', { class: 'row-actions' },
          actionButton(`session-revoke-${s.id}`, 'Sign out', () => mutate(ctx, () => call(OPS.revokeSession, { id: s.id }), 'That session was signed out.'), errorSentence, { class: 'secondary', 'aria-label': `Sign out ${describeAgent(s.userAgent)}, last active ${formatDate(s.lastActiveAt)}` }),
        )))),
    edit && others.length > 1 && actionButton('sessions-revoke-others', 'Sign out all other sessions', () => mutate(ctx, () => call(OPS.revokeOtherSessions), 'All other sessions were signed out.'), errorSentence, { class: 'secondary' }),
  ];
}

// --- personal access tokens --------------------------------------------------------------------
function tokensSection(ctx) {
  const edit = editable(ctx, 'personalAccessTokens');
  const tokens = ctx.me.personalAccessTokens.edges.map((e) => e.node);
  const flash = ctx.flash.token;
  ctx.flash.token = null;
  return [
    readOnlyNote(ctx, 'personalAccessTokens'),
    flash && h('div', { class: 'notice', id: 'new-token', tabindex: '-1' },
      h('p', null, `Your new token “${flash.name}”. Copy it now: it will not be shown again.`),
      h('code', { class: 'secret', id: 'new-token-value' }, flash.token),
      h('button', { type: 'button', class: 'secondary', id: 'new-token-copy', onclick: () => navigator.clipboard?.writeText(flash.token).then(() => announce('Token copied.'), () => {}) }, 'Copy')),
    tokens.length
      ? h('ul', { class: 'rows' }, tokens.map((t) =>
          h('li', null,
            h('div', null, h('strong', null, t.name), h('span', { class: 'meta' }, `Created ${formatDate(t.createdAt)} · expires ${t.expiresAt ? formatDate(t.expiresAt) : 'never'} · last used ${t.lastUsedAt ? formatDate(t.lastUsedAt) : 'never'}`)),
            edit && h('div', { class: 'row-actions' },
              actionButton(`token-revoke-${t.id}`, 'Revoke', () => mutate(ctx, () => call(OPS.revokePersonalAccessToken, { id: t.id }), `Token “${t.name}” revoked.`), errorSentence, { class: 'secondary', 'aria-label': `Revoke token ${t.name}` })))))
      : h('p', null, 'No personal access tokens. A token lets a script act as you through the API.'),
    edit &&
      form(
        {
          id: 'token-form',
          fields: [
            { name: 'name', label: 'Token name', required: true, maxlength: 100 },
            { name: 'expiresAt', label: 'Expires on (optional)', type: 'date' },
          ],
          submit: 'Create token',
          onSubmit: async ({ name, expiresAt }) => {
            const input = { name: name.trim(), ...(expiresAt ? { expiresAt: new Date(`${expiresAt}T23:59:59`).toISOString() } : {}) };
            const result = await withProof(ctx, (verificationId) => call(OPS.createPersonalAccessToken, { input: { ...input, verificationId } }));
            if (result.cancelled) return null;
            if (result.error) return result.error;
            ctx.flash.token = { name: input.name, token: result.value.token };
            await ctx.reload('new-token');
            announce('Token created. Copy it now.');
          },
        },
        errorSentence,
      ),
  ];
}

// --- security activity and export --------------------------------------------------------------
const EVENT_LABELS = {
  'user.created': 'Account created', 'user.updated': 'Profile changed', 'user.signed_in': 'Signed in', 'user.sign_in_failed': 'Failed sign-in',
  'user.locked': 'Locked after failed sign-ins', 'user.mfa.locked': 'Locked after wrong codes', 'user.suspended': 'Suspended by an administrator',
  'user.unsuspended': 'Suspension lifted', 'user.impersonated': 'Administrator acted as you', 'user.password.changed': 'Password changed',
  'user.email.changed': 'Email changed', 'user.phone.changed': 'Phone changed', 'user.mfa.added': 'Two-step method added',
  'user.mfa.removed': 'Two-step method removed', 'user.passkey.added': 'Passkey added', 'user.passkey.removed': 'Passkey removed',
  'session.revoked': 'Session signed out', 'session.refresh_token_reused': 'Session ended: a stolen token was suspected',
  'token.created': 'Access token created', 'token.revoked': 'Access token revoked', 'verification.code_sent': 'Verification code sent',
  'verification.password_failed': 'Wrong password while confirming it was you', 'identity.linked': 'Social account linked',
  'identity.unlinked': 'Social account unlinked',
};
// An event type this page does not know yet still reads as words: "user.foo_bar" -> "User foo bar".
const eventLabel = (type) => EVENT_LABELS[type] ?? (type.charAt(0).toUpperCase() + type.slice(1)).replace(/[._]/g, ' ');

function activitySection(ctx) {
  const list = h('ul', { class: 'rows', id: 'activity-list' });
  const more = h('div');
  const error = h('p', { class: 'error', role: 'alert' });
  const load = async (after) => {
    try {
      const result = await call(OPS.securityEvents, { after });
      const page = result.value;
      if (!page) return;
      for (const { node } of page.edges) {
        list.append(h('li', null, h('div', null, h('strong', null, eventLabel(node.type)),
          h('span', { class: 'meta' }, `${formatDate(node.at)} · ${node.ip ?? 'unknown address'} · ${describeAgent(node.userAgent)}`))));
      }
      if (!page.edges.length && !after) list.append(h('li', null, 'No activity yet.'));
      more.replaceChildren(page.pageInfo.hasNextPage ? h('button', { type: 'button', class: 'secondary', id: 'activity-more', onclick: () => load(page.pageInfo.endCursor) }, 'Show older activity') : '');
    } catch (err) {
      error.textContent = errorSentence({ code: err?.code ?? 'UNEXPECTED' });
    }
  };
  void load(null);
  return [list, error, more];
}

function exportSection(ctx) {
  return [
    h('p', null, 'Download everything this service holds about you, as a JSON file.'),
    actionButton('export-download', 'Download my data', async () => {
      const result = await call(OPS.exportData);
      if (result.error) return result.error;
      const blob = new Blob([JSON.stringify(result.value, null, 2)], { type: 'application/json' });
      const a = h('a', { href: URL.createObjectURL(blob), download: `account-${ctx.me.id}.json` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      announce('Your data was downloaded.');
    }, errorSentence),
  ];
}

// --- deletion ----------------------------------------------------------------------------------
function deleteSection(ctx) {
  return [
    h('p', null, 'Deleting your account removes your profile, sign-in methods, sessions and tokens. This cannot be undone.'),
    form(
      {
        id: 'delete-form',
        fields: [{ name: 'confirm', label: 'Type DELETE to confirm', required: true, autocomplete: 'off' }],
        submit: 'Delete my account',
        onSubmit: async ({ confirm }) => {
          if (confirm.trim() !== 'DELETE') return { code: 'INVALID_INPUT', message: 'Type DELETE in capitals to confirm' };
          const result = await withProof(ctx, (verificationId) => call(OPS.deleteAccount, { verificationId }));
          if (result.cancelled) return null;
          if (result.error) return result.error;
          await ctx.deleted();
        },
      },
      errorSentence,
    ),
  ];
}

/** Sections in page order: which field governs each, and whether the API part exists. */
export const SECTIONS = [
  { id: 'profile', title: 'Profile', show: (c) => ['name', 'avatar', 'profile', 'customData'].some((f) => visible(c, f)), render: profileSection },
  { id: 'username', title: 'Username', show: (c) => visible(c, 'username'), render: usernameSection },
  { id: 'email', title: 'Email', show: (c) => visible(c, 'email'), render: (c) => identifierSection(c, 'email') },
  { id: 'phone', title: 'Phone', show: (c) => visible(c, 'phone'), render: (c) => identifierSection(c, 'phone') },
  { id: 'password', title: 'Password', show: (c) => visible(c, 'password'), render: passwordSection },
  { id: 'mfa', title: 'Two-step sign-in', show: (c) => visible(c, 'mfa'), render: mfaSection },
  { id: 'passkeys', title: 'Passkeys', show: (c) => c.features.passkeys && visible(c, 'passkey'), render: passkeysSection },
  { id: 'social', title: 'Linked accounts', show: (c) => c.features.social && visible(c, 'social'), render: socialSection },
  { id: 'sessions', title: 'Sessions', show: (c) => visible(c, 'sessions'), render: sessionsSection },
  { id: 'tokens', title: 'Personal access tokens', show: (c) => visible(c, 'personalAccessTokens'), render: tokensSection },
  { id: 'activity', title: 'Security activity', show: (c) => c.features.events && visible(c, 'securityActivity'), render: activitySection },
  { id: 'export', title: 'Your data', show: (c) => c.features.exportData, render: exportSection },
  { id: 'delete', title: 'Delete account', show: (c) => c.center.enabled, render: deleteSection },
];

