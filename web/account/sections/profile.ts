// Profile: name, avatar, the OIDC claims (folded away) and custom data, each by its field's mode.
import { mutate } from '../../shared/api';
import { announce, facts, h } from '../../shared/dom';
import { field, type FieldSpec, form } from '../../shared/form';
import { type AccountCtx, apply, editable, type Section, visible } from '../context';
import { graphql } from '../gql';
import type { UpdateProfileInput } from '../gql/graphql';

export const UpdateProfile = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) { me { updateProfile(input: $input) { __typename ... on User { id } ... on Error { code message } } } }
`);

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
] as const;

const norm = (v: string) => (v.trim() === '' ? null : v.trim());

function render(ctx: AccountCtx) {
  const { me } = ctx;
  const editFields: FieldSpec[] = [];
  const shown: FieldSpec[] = [];
  if (visible(ctx, 'name')) (editable(ctx, 'name') ? editFields : shown).push({ name: 'name', label: 'Name', value: me.name, autocomplete: 'name' });
  if (visible(ctx, 'avatar')) (editable(ctx, 'avatar') ? editFields : shown).push({ name: 'avatar', label: 'Avatar image URL', type: 'url', value: me.avatar, autocomplete: 'photo' });
  const claimFields: FieldSpec[] = [];
  if (visible(ctx, 'profile')) {
    for (const [key, label, autocomplete] of CLAIMS) {
      (editable(ctx, 'profile') ? claimFields : shown).push({ name: `profile.${key}`, label, value: me.profile[key], autocomplete });
    }
  }
  const avatar = me.avatar && visible(ctx, 'avatar') && h('img', { class: 'avatar', src: me.avatar, alt: '', width: 64, height: 64 });
  const editForm = editFields.length + claimFields.length > 0 && form({
    id: 'profile-form',
    fields: editFields,
    // The OIDC claims are many and mostly empty: folded away until wanted.
    extra: claimFields.length > 0 && h('details', { open: claimFields.some((f) => f.value) }, h('summary', null, 'More profile details'), claimFields.map((f) => field('profile-form', f))),
    submit: 'Save profile',
    onSubmit: async (values) => {
      const input: UpdateProfileInput = {};
      const profile: Record<string, string | null> = {};
      for (const f of [...editFields, ...claimFields]) {
        const next = norm(values[f.name] ?? '');
        if (next === (f.value ?? null)) continue;
        if (f.name.startsWith('profile.')) profile[f.name.slice(8)] = next;
        else (input as Record<string, unknown>)[f.name] = next;
      }
      if (Object.keys(profile).length) input.profile = profile;
      if (!Object.keys(input).length) return announce('Nothing to save: no changes.');
      return apply(ctx, () => mutate(UpdateProfile, { input }, (d) => d.me.updateProfile), 'Profile saved.');
    },
  });
  return [avatar, shown.length > 0 && facts(shown.map((f) => [f.label, f.value])), editForm, visible(ctx, 'customData') && customData(ctx)];
}

function customData(ctx: AccountCtx) {
  const text = JSON.stringify(ctx.me.customData ?? {}, null, 2);
  if (!editable(ctx, 'customData')) return h('div', null, h('h3', null, 'Custom data'), h('pre', { class: 'json', tabindex: '0', 'aria-label': 'Custom data' }, text));
  return h('div', null, h('h3', null, 'Custom data'), form({
    id: 'custom-data-form',
    fields: [{ name: 'customData', label: 'Custom data (JSON object)', type: 'textarea', value: text, rows: 5 }],
    submit: 'Save custom data',
    onSubmit: async ({ customData }) => {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(customData ?? '') as Record<string, unknown>;
      } catch {
        return { code: 'INVALID_INPUT', message: 'Custom data must be valid JSON' };
      }
      return apply(ctx, () => mutate(UpdateProfile, { input: { customData: parsed } }, (d) => d.me.updateProfile), 'Custom data saved.');
    },
  }));
}

export const profileSection: Section = {
  id: 'profile',
  title: 'Profile',
  show: (c) => (['name', 'avatar', 'profile', 'customData'] as const).some((f) => visible(c, f)),
  render,
};
