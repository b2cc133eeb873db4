// SECRET_KEY encrypts secrets at rest. When not given (development, embedded), one is generated
// once into DATA_DIR with owner-only permissions, so restarts keep decrypting the same data.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.js';

export interface SecretKeyInfo {
  key: string;
  /** Where it came from: the SECRET_KEY variable, or the file in DATA_DIR. */
  source: 'env' | 'file';
  file: string;
  /** True when this start generated the file. */
  generated: boolean;
}

export function secretKeyFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'secret.key');
}

export async function loadSecretKey(config: Config): Promise<SecretKeyInfo> {
  const file = secretKeyFile(config);
  if (config.secretKey) return { key: config.secretKey, source: 'env', file, generated: false };
  try {
    return { key: (await readFile(file, 'utf8')).trim(), source: 'file', file, generated: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64url');
  // 'wx' fails if another process created it first; then read theirs.
  try {
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return { key, source: 'file', file, generated: true };
  } catch {
    return { key: (await readFile(file, 'utf8')).trim(), source: 'file', file, generated: false };
  }
}

export async function resolveSecretKey(config: Config): Promise<string> {
  return (await loadSecretKey(config)).key;
}

/** One line for a key that cannot decrypt what is stored: which key, and what to do. */
export function secretKeyMismatchMessage(info: SecretKeyInfo): string {
  const what = "the stored secrets (signing keys, MFA secrets) were encrypted with another key";
  if (info.source === 'env') {
    return `SECRET_KEY does not match the data it encrypted: ${what}. Start with the SECRET_KEY this database was first used with; without it those secrets cannot be read.`;
  }
  if (info.generated) {
    return `${info.file} was missing and a new key was generated, but ${what}. Put the original secret.key back (or set SECRET_KEY to it); without it those secrets cannot be read.`;
  }
  return `The secret key in ${info.file} does not match the data it encrypted: ${what}. Put the original secret.key back (or set SECRET_KEY to it); without it those secrets cannot be read.`;
}
