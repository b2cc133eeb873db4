export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  tokenType: 'Bearer';
  expiresIn: number;
  scope: string;
}

export interface MfaChallengeResult {
  mfaToken: string;
  factors: ('TOTP' | 'BACKUP_CODE' | 'WEBAUTHN')[];
}
