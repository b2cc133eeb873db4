import type { PasskeyChallengeResult } from '../../domain/passkeys/challenges.js';
import { builder } from '../builder.js';

export const PasskeyChallengeType = builder.objectRef<PasskeyChallengeResult>('PasskeyChallenge').implement({
  description: 'A WebAuthn ceremony to run in the browser. Single use, 5 minutes.',
  fields: (t) => ({
    challengeId: t.exposeID('challengeId', { description: 'Pass back with the credential the browser returns.' }),
    options: t.field({
      type: 'JSON',
      description:
        'The bare W3C options (PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON, binary fields base64url): ' +
        "@simplewebauthn/browser's startRegistration / startAuthentication({ optionsJSON }) take it as is.",
      resolve: (c) => c.options,
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

export const PasskeyAssertionInput = builder.inputType('PasskeyAssertionInput', {
  fields: (t) => ({
    challengeId: t.id({ required: true }),
    credential: t.field({ type: 'JSON', required: true, description: 'The AuthenticationResponseJSON from navigator.credentials.get.' }),
  }),
});
