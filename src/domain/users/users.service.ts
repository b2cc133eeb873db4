// Creating users: admin createUser, self sign-up, and the first admin at start.
import { hashPassword, isWellFormedDigest, verifyPassword } from '../../auth/passwords.js';
import { ADMIN_ROLE } from '../../auth/scope-names.js';
import type { PasswordAlgorithm, Prisma, User } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { TokenSet } from '../auth/token-set.js';
import { openSession } from '../sessions/sessions.service.js';
import type { Deps } from '../deps.js';
import { AppError, PasswordRejectedError, invalidInput, isUniqueViolation, uniqueViolationField } from '../errors.js';
import { getPasswordPolicy } from '../password-policy/password-policy.service.js';
import { checkPassword, PASSWORD_RULES, type PasswordContext } from './password-policy.js';
import { assertProofHasAddress } from './address-proof.js';
import { normalizeEmail, normalizePhone, normalizeUsername } from './identifiers.js';
import { normalizeProfile, type ProfileInput } from './profile.js';

export interface CreateUserInput {
  username?: string | null;
  primaryEmail?: string | null;
  primaryPhone?: string | null;
  password?: string | null;
  passwordDigest?: string | null;
  passwordAlgorithm?: PasswordAlgorithm | null;
  name?: string | null;
  avatar?: string | null;
  profile?: ProfileInput | null;
  customData?: Record<string, unknown> | null;
  roles?: string[] | null;
  /** An admin vouching that the address is the user's (sign-up never passes these). */
  emailVerified?: boolean | null;
  phoneVerified?: boolean | null;
}

const FIELD_PATH: Record<string, string> = { username: 'username', primaryEmail: 'primaryEmail', primaryPhone: 'primaryPhone' };

/** Maps a unique violation to IDENTIFIER_IN_USE naming the field; anything else is rethrown. */
export function identifierInUse(err: unknown, paths: Record<string, string> = FIELD_PATH): never {
  if (isUniqueViolation(err)) {
    const field = uniqueViolationField(err);
    throw new AppError('IDENTIFIER_IN_USE', 'This identifier is already used by another account', field ? [paths[field] ?? field] : undefined);
  }
  throw err;
}

export function validateAvatar(avatar: string, path = 'avatar'): string {
  let url: URL;
  try {
    url = new URL(avatar);
  } catch {
    throw invalidInput(path, 'The avatar must be an http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidInput(path, 'The avatar must be an http(s) URL');
  if (avatar.length > 2048) throw invalidInput(path, 'The avatar URL is too long (2048 characters at most)');
  return avatar;
}

export function validateRoles(roles: string[], path = 'roles'): string[] {
  const out = [...new Set(roles.map((r) => r.trim()))];
  for (const role of out) {
    if (!/^[a-z][a-z0-9:_-]{0,63}$/.test(role)) throw invalidInput(path, `Invalid role "${role}": lower-case letters, digits, ":", "_" or "-"`);
  }
  return out;
}

export function validateName(name: string, path = 'name'): string {
  const value = name.trim();
  if (value.length > 128) throw invalidInput(path, 'The name is too long (128 characters at most)');
  return value;
}

export function validateCustomData(data: unknown, path = 'customData'): Record<string, unknown> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalidInput(path, 'customData must be a JSON object');
  if (JSON.stringify(data).length > 16_384) throw invalidInput(path, 'customData is too large (16 KiB at most)');
  return data as Record<string, unknown>;
}

/** Checks a new password against the stored policy (admin-editable, see password-policy.service.ts). */
export async function assertPasswordPolicy(deps: Deps, password: string, context: PasswordContext, path = 'password'): Promise<void> {
  const policy = await getPasswordPolicy(deps.prisma, deps.config);
  const failed = checkPassword(policy, password, context);
  // Only a password that passes the local rules is looked up: no request for one refused anyway.
  if (failed.length === 0 && policy.checkBreached && (await deps.breachedPasswords.check(password)) === 'breached') {
    failed.push(PASSWORD_RULES.breached);
  }
  if (failed.length) throw new PasswordRejectedError(failed, path);
}

async function buildUserData(deps: Deps, input: CreateUserInput): Promise<Prisma.UserCreateInput> {
  const username = input.username ? normalizeUsername(input.username, 'username') : null;
  const primaryEmail = input.primaryEmail ? normalizeEmail(input.primaryEmail, 'primaryEmail') : null;
  const primaryPhone = input.primaryPhone ? normalizePhone(input.primaryPhone, 'primaryPhone') : null;
  if (!username && !primaryEmail && !primaryPhone) {
    throw invalidInput('username', 'A user needs at least one of username, primaryEmail or primaryPhone');
  }
  assertProofHasAddress('email', primaryEmail, input.emailVerified);
  assertProofHasAddress('phone', primaryPhone, input.phoneVerified);
  let passwordHash: string | null = null;
  let passwordAlgorithm: PasswordAlgorithm | null = null;
  if (input.password && input.passwordDigest) throw invalidInput('password', 'Give either password or passwordDigest, not both');
  if (input.password) {
    await assertPasswordPolicy(deps, input.password, { username, email: primaryEmail, name: input.name });
    passwordHash = await hashPassword(input.password, deps.config.passwordHashing);
    passwordAlgorithm = 'ARGON2ID';
  } else if (input.passwordDigest) {
    if (!input.passwordAlgorithm) throw invalidInput('passwordAlgorithm', 'passwordAlgorithm is required with passwordDigest');
    if (!isWellFormedDigest(input.passwordAlgorithm, input.passwordDigest)) {
      throw invalidInput('passwordDigest', `Not a ${input.passwordAlgorithm} digest in its standard encoded form`);
    }
    passwordHash = input.passwordDigest;
    passwordAlgorithm = input.passwordAlgorithm;
  }
  return {
    username,
    primaryEmail,
    primaryPhone,
    emailVerified: Boolean(input.emailVerified),
    phoneVerified: Boolean(input.phoneVerified),
    passwordHash,
    passwordAlgorithm,
    name: input.name ? validateName(input.name) : null,
    avatar: input.avatar ? validateAvatar(input.avatar) : null,
    profile: input.profile ? (normalizeProfile({}, input.profile) as Prisma.InputJsonValue) : {},
    customData: input.customData ? (validateCustomData(input.customData) as Prisma.InputJsonValue) : {},
    roles: input.roles ? validateRoles(input.roles) : [],
  };
}

export async function createUser(deps: Deps, input: CreateUserInput, actor: AuditActor, request: RequestInfo): Promise<User> {
  const data = await buildUserData(deps, input);
  try {
    return await withEvents(deps, actor, request, async (tx, ev) => {
      const user = await tx.user.create({ data });
      ev.emit('user.created', {
        userId: user.id,
        audit: 'admin.user.create',
        data: {
          user: { id: user.id },
          username: user.username,
          primaryEmail: user.primaryEmail,
          primaryPhone: user.primaryPhone,
          roles: user.roles,
          via: 'admin',
        },
        details: {
          username: user.username,
          primaryEmail: user.primaryEmail,
          primaryPhone: user.primaryPhone,
          emailVerified: user.emailVerified,
          phoneVerified: user.phoneVerified,
          roles: user.roles,
          passwordImported: Boolean(input.passwordDigest),
          passwordAlgorithm: user.passwordAlgorithm,
        },
      });
      return user;
    });
  } catch (err) {
    identifierInUse(err);
  }
}

export async function signUp(
  deps: Deps,
  input: { username?: string | null; email?: string | null; phone?: string | null; password: string; name?: string | null },
  request: RequestInfo,
): Promise<TokenSet> {
  if (!deps.config.signUpEnabled) throw new AppError('SIGN_UP_DISABLED', 'Self sign-up is disabled on this service');
  await deps.ipRateLimiter.consume('sign-up', request.ip);
  const data = await buildUserData(deps, {
    username: input.username,
    primaryEmail: input.email,
    primaryPhone: input.phone,
    password: input.password,
    name: input.name,
  }).catch((err: unknown) => {
    // Sign-up's inputs are named email/phone, not primaryEmail/primaryPhone.
    if (err instanceof AppError && err.path) {
      const renamed = err.path.map((p) => (p === 'primaryEmail' ? 'email' : p === 'primaryPhone' ? 'phone' : p));
      if (err instanceof PasswordRejectedError) throw err;
      throw new AppError(err.code, err.message, renamed);
    }
    throw err;
  });
  if (!input.password) throw invalidInput('password', 'A password is required');
  try {
    // The account and its first session in one transaction: no account is left behind without tokens.
    // The actor is the new user, whose id exists only inside the transaction.
    const actor: AuditActor = { actorId: null, actorType: 'user' };
    return await withEvents(deps, actor, request, async (tx, ev) => {
      const user = await tx.user.create({ data });
      Object.assign(actor, { actorId: user.id });
      ev.emit('user.created', {
        userId: user.id,
        audit: 'user.sign_up',
        data: { user: { id: user.id }, username: user.username, primaryEmail: user.primaryEmail, primaryPhone: user.primaryPhone, roles: user.roles, via: 'sign_up' },
        details: {},
      });
      return openSession(deps, tx, user, request, ['pwd']);
    });
  } catch (err) {
    identifierInUse(err, { username: 'username', primaryEmail: 'email', primaryPhone: 'phone' });
  }
}

export type FirstAdminOutcome = 'created' | 'promoted' | 'admin-exists';

/**
 * The address of ADMIN_EMAIL / create-admin belongs to an account whose password is not the one
 * given. Promoting it would hand every admin scope to whoever signed up with that address first.
 */
export class FirstAdminRefused extends Error {
  constructor(readonly email: string) {
    super(
      `${email} already belongs to an account whose password is not the one given: it was not made an admin. ` +
        'Give that account\'s password, or choose another email for the first admin.',
    );
    this.name = 'FirstAdminRefused';
  }
}

/**
 * Makes a first admin when no user holds the admin role: a new account, or an existing account
 * with that email whose password matches (then it is promoted). Returns what really happened.
 */
export async function ensureFirstAdmin(deps: Deps, email: string, password: string): Promise<FirstAdminOutcome> {
  const existing = await deps.prisma.user.findFirst({ where: { roles: { has: ADMIN_ROLE } }, select: { id: true } });
  if (existing) return 'admin-exists';
  const normalized = normalizeEmail(email, 'ADMIN_EMAIL');
  const holder = await deps.prisma.user.findUnique({ where: { primaryEmail: normalized } });
  if (holder) {
    const matches = Boolean(holder.passwordHash && holder.passwordAlgorithm) && (await verifyPassword(holder.passwordAlgorithm!, holder.passwordHash!, password));
    if (!matches) throw new FirstAdminRefused(normalized);
    await withEvents(deps, { actorId: null, actorType: 'system' }, { ip: null, userAgent: 'create-admin' }, async (tx, ev) => {
      const roles = [...new Set([...holder.roles, ADMIN_ROLE])];
      await tx.user.update({ where: { id: holder.id }, data: { roles: { set: roles } } });
      ev.emit('user.roles.changed', {
        userId: holder.id,
        audit: 'admin.user.set_roles',
        data: { user: { id: holder.id }, before: holder.roles, after: roles },
        details: { before: holder.roles, after: roles, reason: 'first admin' },
      });
    });
    return 'promoted';
  }
  await createUser(
    deps,
    { primaryEmail: normalized, password, name: 'Administrator', roles: [ADMIN_ROLE] },
    { actorId: null, actorType: 'system' },
    { ip: null, userAgent: 'create-admin' },
  );
  return 'created';
}
