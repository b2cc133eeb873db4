// Shared by me.createPersonalAccessToken and admin.createPersonalAccessToken: the secret is shown
// only in this payload, once.
import type { CreatedPersonalAccessToken } from '../../domain/tokens/personal-access-tokens.service.js';
import { builder } from '../builder.js';
import { PersonalAccessTokenType } from '../users/user.types.js';

export const PersonalAccessTokenSecretType = builder.objectRef<CreatedPersonalAccessToken>('PersonalAccessTokenSecret').implement({
  description: 'A new personal access token. `token` is shown only here; store it now.',
  fields: (t) => ({
    token: t.exposeString('token'),
    personalAccessToken: t.field({ type: PersonalAccessTokenType, resolve: (p) => p.personalAccessToken }),
  }),
});
