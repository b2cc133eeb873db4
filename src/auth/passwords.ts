// Password hashing. New hashes are argon2id at OWASP's recommended minimum (19 MiB, t=2, p=1),
// computed on libuv's threadpool so the event loop stays free, no more at once than cores
// (hashing-slots.ts). Imported digests (docs/api.md#management-admin) are verified in their own
// algorithm and re-hashed to argon2id on the first successful sign-in.
import { createHash } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import type { PasswordAlgorithm } from '../generated/prisma/enums.js';
import { safeEqual } from './crypto.js';
import { inHashingSlot } from './hashing-slots.js';
import { DEFAULT_PASSWORD_HASHING, type PasswordHashing } from './password-hashing.js';

export { DEFAULT_PASSWORD_HASHING, type PasswordHashing };

// algorithm 2 = Argon2id (the package's const enum is not importable under isolatedModules).
const argon2Options = (params: PasswordHashing) => ({ algorithm: 2 as Algorithm, memoryCost: params.memoryCost, timeCost: params.timeCost, parallelism: 1 });

// Every slow hash computed (argon2, bcrypt), counted for /metrics (password_hash_operations_total): the work the
// per-request and per-account limits on expensive fields bound.
let slowHashOperations = 0;
export const passwordHashOperations = (): number => slowHashOperations;

export function hashPassword(password: string, params: PasswordHashing = DEFAULT_PASSWORD_HASHING): Promise<string> {
  slowHashOperations += 1;
  return inHashingSlot(() => hash(password, argon2Options(params)));
}

// A real argon2id hash of a random string, at the parameters real hashes use: verifying against it
// when the account does not exist costs the same time as a real check, so timing does not reveal
// whether an account exists. The production one is made when the module loads (on the threadpool):
// made on first use, the first unknown identifier would cost two hashes, more work than the
// per-request budget counts. It is not a counted operation (no request asked for it).
const dummyHashes = new Map<string, Promise<string>>();
const dummyKey = (params: PasswordHashing) => `${params.memoryCost}:${params.timeCost}`;
const makeDummy = (params: PasswordHashing) => hash(`dummy-${Math.random()}`, argon2Options(params));
dummyHashes.set(dummyKey(DEFAULT_PASSWORD_HASHING), makeDummy(DEFAULT_PASSWORD_HASHING));
export async function burnPasswordCheck(password: string, params: PasswordHashing = DEFAULT_PASSWORD_HASHING): Promise<void> {
  let dummy = dummyHashes.get(dummyKey(params));
  if (!dummy) dummyHashes.set(dummyKey(params), (dummy = makeDummy(params)));
  const digest = await dummy;
  slowHashOperations += 1;
  await inHashingSlot(() => verify(digest, password)).catch(() => false);
}

export async function verifyPassword(algorithm: PasswordAlgorithm, digest: string, password: string): Promise<boolean> {
  try {
    switch (algorithm) {
      case 'ARGON2ID':
      case 'ARGON2I':
        slowHashOperations += 1;
        return await inHashingSlot(() => verify(digest, password));
      case 'BCRYPT':
        slowHashOperations += 1;
        return await inHashingSlot(() => bcrypt.compare(password, digest));
      case 'SHA256':
      case 'SHA1':
      case 'MD5': {
        const name = algorithm === 'SHA256' ? 'sha256' : algorithm === 'SHA1' ? 'sha1' : 'md5';
        return safeEqual(createHash(name).update(password, 'utf8').digest('hex'), digest.toLowerCase());
      }
    }
  } catch {
    return false;
  }
}

/** Checks that an imported digest is in the standard encoded form of its algorithm. */
export function isWellFormedDigest(algorithm: PasswordAlgorithm, digest: string): boolean {
  switch (algorithm) {
    case 'BCRYPT':
      return /^\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(digest);
    case 'ARGON2ID':
      return digest.startsWith('$argon2id$');
    case 'ARGON2I':
      return digest.startsWith('$argon2i$');
    case 'SHA256':
      return /^[0-9a-fA-F]{64}$/.test(digest);
    case 'SHA1':
      return /^[0-9a-fA-F]{40}$/.test(digest);
    case 'MD5':
      return /^[0-9a-fA-F]{32}$/.test(digest);
  }
}

/** True when a stored hash should be replaced by a fresh argon2id hash after a successful check. */
export function needsRehash(algorithm: PasswordAlgorithm, digest: string, params: PasswordHashing = DEFAULT_PASSWORD_HASHING): boolean {
  if (algorithm !== 'ARGON2ID') return true;
  return !digest.includes(`m=${params.memoryCost},t=${params.timeCost},p=1`);
}
