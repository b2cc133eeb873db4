export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  tokenType: 'Bearer';
  expiresIn: number;
  scope: string;
  /** Only after verifySignIn with trustDevice: sent back as signIn's deviceToken. */
  deviceToken?: string | null;
}

export interface MfaChallengeResult {
  mfaToken: string;
  factors: ('TOTP' | 'BACKUP_CODE' | 'WEBAUTHN')[];
}
