// Database ids carry a type prefix, which is how a global id finds its GraphQL type.
const PREFIXES: Record<string, string> = {
  usr: 'User',
  ses: 'Session',
  mfa: 'MfaFactor',
  tok: 'PersonalAccessToken',
  mcl: 'MachineClient',
  aud: 'AuditEvent',
  ver: 'VerificationRecord',
  whk: 'Webhook',
  whd: 'WebhookDelivery',
  tdv: 'TrustedDevice',
};

export function typenameForId(id: string): string | undefined {
  return PREFIXES[id.split('_', 1)[0] ?? ''];
}
