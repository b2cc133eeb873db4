// signUp's SignUpChallenge (with signUpVerification CODE) and finishSignUp.
import { builder } from '../../../schema/builder.js';
import { TokenSetType } from '../../../schema/auth/token.types.js';
import { finishSignUp } from './sign-up-code.service.js';

export const SignUpChallengeType = builder.objectRef<{ challengeId: string }>('SignUpChallenge').implement({
  description: 'A code went to the new account\'s email (else its phone): pass it to finishSignUp.',
  fields: (t) => ({ challengeId: t.exposeString('challengeId') }),
});

const FinishSignUpInput = builder.inputType('FinishSignUpInput', {
  fields: (t) => ({ challengeId: t.string({ required: true }), code: t.string({ required: true }) }),
});

builder.mutationFields((t) => ({
  finishSignUp: t.field({
    type: TokenSetType,
    errors: {},
    description: 'Creates the account signUp described, its address proven by the code, and signs it in.',
    args: { input: t.arg({ type: FinishSignUpInput, required: true }) },
    resolve: (_root, { input }, ctx) => finishSignUp(ctx.deps, input, ctx.request),
  }),
}));
