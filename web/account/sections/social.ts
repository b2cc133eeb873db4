// Linked social accounts: one row per provider, link (through the provider) or unlink.
import { mutate } from '../../shared/api';
import { formatDate, h } from '../../shared/dom';
import { actionButton } from '../../shared/form';
import { withProof } from '../../shared/proof';
import { SOCIAL_STATE_KEY } from '../../shared/signin';
import { type AccountCtx, apply, editable, readOnlyNote, type Section, visible } from '../context';
import { graphql } from '../gql';

const StartLink = graphql(`
  mutation StartSocialLink($input: StartSocialLinkInput!) {
    me { startSocialLink(input: $input) { __typename ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } } }
  }
`);
export const FinishLink = graphql(`
  mutation FinishSocialLink($input: FinishSocialLinkInput!) { me { finishSocialLink(input: $input) { __typename ... on UserIdentity { provider } ... on Error { code message } } } }
`);
const RemoveIdentity = graphql(`
  mutation RemoveIdentity($input: RemoveIdentityInput!) { me { removeIdentity(input: $input) { __typename ... on User { id } ... on Error { code message } } } }
`);

function render(ctx: AccountCtx) {
  const edit = editable(ctx, 'social');
  const linked = new Map(ctx.me.identities.map((i) => [i.provider, i]));
  if (!ctx.providers.length && !linked.size) return [h('p', null, 'No social sign-in providers are configured.')];
  const keys = new Set([...ctx.providers.map((p) => p.key), ...linked.keys()]);
  return [readOnlyNote(ctx, 'social'), h('ul', { class: 'rows' }, [...keys].map((key) => {
    const provider = ctx.providers.find((p) => p.key === key);
    const identity = linked.get(key);
    const name = provider?.name ?? key;
    const link = async () => {
      const result = await withProof(ctx.me, (verificationId) =>
        mutate(StartLink, { input: { provider: key, redirectUri: `${location.origin}/account`, verificationId } }, (d) => d.me.startSocialLink));
      if ('cancelled' in result) return null;
      if (result.error) return result.error;
      sessionStorage.setItem(SOCIAL_STATE_KEY, JSON.stringify({ state: result.value.state, mode: 'link' }));
      location.assign(result.value.authorizationUrl);
    };
    return h('li', null,
      h('div', null, h('strong', null, name), h('span', { class: 'meta' }, identity ? `Linked as ${identity.email ?? identity.name ?? identity.subject} · ${formatDate(identity.linkedAt)}` : 'Not linked')),
      edit && h('div', { class: 'row-actions' }, identity
        ? actionButton(`social-unlink-${key}`, `Unlink ${name}`, () => apply(ctx, () => withProof(ctx.me, (verificationId) =>
            mutate(RemoveIdentity, { input: { provider: key, verificationId } }, (d) => d.me.removeIdentity)), `${name} unlinked.`), { class: 'secondary' })
        : provider && actionButton(`social-link-${key}`, `Link ${name}`, link)));
  }))];
}

export const socialSection: Section = { id: 'social', title: 'Linked accounts', show: (c) => visible(c, 'social'), render };
