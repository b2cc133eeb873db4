// Password hashing. New hashes are argon2id at OWASP's recommended minimum (19 MiB, t=2, p=1),
// computed on libuv's threadpool so the event loop stays free. Imported digests (API.md §4) are
// verified in their own algorithm and re-hashed to argon2id on the first successful sign-in.
import { createHash } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import type { PasswordAlgorithm } from '../generated/prisma/enums.js';
import { safeEqual } from './crypto.js';
import { DEFAULT_PASSWORD_HASHING, type PasswordHashing } from './password-hashing.js';

export { DEFAULT_PASSWORD_HASHING, type PasswordHashing };

// algorithm 2 = Argon2id (the package's const enum is not importable under isolatedModules).
const argon2Options = (params: PasswordHashing) => ({ algorithm: 2 as Algorithm, memoryCost: params.memoryCost, timeCost: params.timeCost, parallelism: 1 });

export function hashPassword(password: string, params: PasswordHashing = DEFAULT_PASSWORD_HASHING): Promise<string> {
  return hash(password, argon2Options(params));
}

// A real argon2id hash of a random string, at the parameters real hashes use: verifying against it
// when the account does not exist costs the same time as a real check, so timing does not reveal
// whether an account exists.
const dummyHashes = new Map<string, Promise<string>>();
export async function burnPasswordCheck(password: string, params: PasswordHashing = DEFAULT_PASSWORD_HASHING): Promise<void> {
  const key = `${params.memoryCost}:${params.timeCost}`;
  let dummy = dummyHashes.get(key);
  if (!dummy) dummyHashes.set(key, (dummy = hashPassword(`dummy-${Math.random()}`, params)));
  await verify(await dummy, password).catch(() => false);
}

export async function verifyPassword(algorithm: PasswordAlgorithm, digest: string, password: string): Promise<boolean> {
  try {
    switch (algorithm) {
      case 'ARGON2ID':
      case 'ARGON2I':
        return await verify(digest, password);
      case 'BCRYPT':
        return await bcrypt.compare(password, digest);
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
