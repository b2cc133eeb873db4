// Trusted devices: browsers and apps that skip the second factor at a password sign-in
// (docs/account-lifecycle.md), each forgotten on its own or all at once.
import { mutate } from '../../shared/api';
import { formatDate, h } from '../../shared/dom';
import { actionButton } from '../../shared/form';
import { type AccountCtx, apply, editable, readOnlyNote, type Section, visible } from '../context';
import { graphql } from '../gql';

const RevokeDevice = graphql(`
  mutation RevokeTrustedDevice($id: ID!) { me { revokeTrustedDevice(id: $id) { __typename ... on TrustedDevice { id } ... on Error { code message } } } }
`);
const RevokeDevices = graphql(`
  mutation RevokeTrustedDevices { me { revokeTrustedDevices { __typename ... on RevokeTrustedDevicesPayload { revokedCount } ... on Error { code message } } } }
`);

function render(ctx: AccountCtx) {
  const edit = editable(ctx, 'trustedDevices');
  const devices = ctx.me.trustedDevices.edges.map((e) => e.node);
  if (devices.length === 0) return [readOnlyNote(ctx, 'trustedDevices'), h('p', null, 'No trusted devices. Tick "Trust this device" at the two-step sign-in to skip it on that device.')];
  return [
    readOnlyNote(ctx, 'trustedDevices'),
    h('ul', { class: 'rows', id: 'device-list' }, devices.map((d) => h('li', { 'data-device': d.id },
      h('div', null, h('strong', null, d.name),
        h('span', { class: 'meta' }, `trusted ${formatDate(d.createdAt)} · last used ${d.lastUsedAt ? formatDate(d.lastUsedAt) : 'never'} · until ${formatDate(d.expiresAt)}`)),
      edit && h('div', { class: 'row-actions' },
        actionButton(`device-revoke-${d.id}`, 'Forget', () => apply(ctx, () => mutate(RevokeDevice, { id: d.id }, (x) => x.me.revokeTrustedDevice), 'That device was forgotten.'),
          { class: 'secondary', 'aria-label': `Forget ${d.name}, trusted ${formatDate(d.createdAt)}` }))))),
    edit && devices.length > 1 && actionButton('devices-revoke-all', 'Forget all devices',
      () => apply(ctx, () => mutate(RevokeDevices, {}, (x) => x.me.revokeTrustedDevices), 'Every trusted device was forgotten.'), { class: 'secondary' }),
  ];
}

export const devicesSection: Section = { id: 'devices', title: 'Trusted devices', show: (c) => visible(c, 'trustedDevices'), render };
