// GraphQL types the challenge kinds share (recovery, sign-in code, sign-up code).
import { builder } from '../../../schema/builder.js';

export const ChallengeChannelEnum = builder.enumType('ChallengeChannel', {
  description: 'Where a code went: the account\'s email or its phone.',
  values: { EMAIL: {}, SMS: {} } as const,
});
