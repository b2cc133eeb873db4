// The argon2id cost of new password hashes, as plain data (config.ts holds it; passwords.ts uses it).

/** argon2id cost: memory in KiB and passes (parallelism is always 1). */
export interface PasswordHashing {
  memoryCost: number;
  timeCost: number;
}

// OWASP's recommended minimum for argon2id (19 MiB, t=2, p=1): what every deployment uses. Only
// tests pass cheaper parameters (Config.passwordHashing) where a test is not about hashing.
export const DEFAULT_PASSWORD_HASHING: PasswordHashing = { memoryCost: 19456, timeCost: 2 };
