import { builder } from '../builder.js';

export const VerificationRecordType = builder.prismaObject('VerificationRecord', {
  description: 'Proof of identity (or of owning a new address), passed as `verificationId`. Lives 10 minutes.',
  fields: (t) => ({
    id: t.exposeID('id'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    verified: t.boolean({ resolve: (r) => r.verifiedAt !== null }),
  }),
});
