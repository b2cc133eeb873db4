// Which ways in are offered (Query.signInMethods, admin.updateSignInMethods). One row; a method
// never set follows its default: password, passkey and social on; codes and links on when their
// sender exists (email always can: production requires SMTP_URL, development logs; SMS needs
// SMS_WEBHOOK_URL in production). A switched-off method answers SIGN_IN_METHOD_DISABLED.
import type { SignInMethodSettings, SignUpVerification } from '../../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../../audit/audit.service.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { withEvents } from '../../events/collector.js';

export const SIGN_IN_METHOD_KEYS = ['password', 'passkey', 'emailCode', 'smsCode', 'magicLink', 'social'] as const;
export type SignInMethod = (typeof SIGN_IN_METHOD_KEYS)[number];

export type SignInMethods = Record<SignInMethod, boolean> & { signUpVerification: SignUpVerification };
export type SignInMethodsInput = Partial<Record<SignInMethod, boolean | null>> & { signUpVerification?: SignUpVerification | null };

const LABEL: Record<SignInMethod, string> = {
  password: 'Signing in with a password',
  passkey: 'Signing in with a passkey',
  emailCode: 'Signing in with a code sent by email',
  smsCode: 'Signing in with a code sent by text message',
  magicLink: 'Signing in with an emailed link',
  social: 'Signing in with an identity provider',
};

function fromRow(deps: Deps, row: SignInMethodSettings | null): SignInMethods {
  const defaults: Record<SignInMethod, boolean> = {
    password: true,
    passkey: true,
    social: true,
    emailCode: true,
    magicLink: true,
    smsCode: deps.sms.available,
  };
  const methods = Object.fromEntries(SIGN_IN_METHOD_KEYS.map((k) => [k, row?.[k] ?? defaults[k]])) as Record<SignInMethod, boolean>;
  return { ...methods, signUpVerification: row?.signUpVerification ?? 'NONE' };
}

export async function getSignInMethods(deps: Deps): Promise<SignInMethods> {
  return fromRow(deps, await deps.prisma.signInMethodSettings.findUnique({ where: { id: 1 } }));
}

export const signInMethodDisabled = (method: SignInMethod) => new AppError('SIGN_IN_METHOD_DISABLED', `${LABEL[method]} is switched off on this service`);

/** SIGN_IN_METHOD_DISABLED unless `method` is on. */
export async function assertSignInMethod(deps: Deps, method: SignInMethod): Promise<void> {
  if (!(await getSignInMethods(deps))[method]) throw signInMethodDisabled(method);
}

/** Merges: a method left out (or null) keeps its setting. Audited. */
export async function updateSignInMethods(deps: Deps, input: SignInMethodsInput, actor: AuditActor, request: RequestInfo): Promise<SignInMethods> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const changed = Object.fromEntries(Object.entries(input).filter(([, v]) => v != null));
    const data = { ...changed } as Partial<SignInMethodSettings>;
    const row = await tx.signInMethodSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const methods = fromRow(deps, row);
    ev.emit('sign_in_methods.updated', { audit: 'admin.sign_in_methods.update', data: { changed, methods: { ...methods } } });
    return methods;
  });
}
