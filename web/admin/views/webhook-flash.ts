// A webhook signing secret just issued (create or rotate), shown once on the next render of the
// Webhooks view, and the shape of one webhook that view lists (from its typed query).
import type { ConsoleWebhooksQuery } from '../gql/graphql';

export type ConsoleWebhook = ConsoleWebhooksQuery['admin']['webhooks']['edges'][number]['node'];

let flash: { webhookId: string; secret: string } | null = null;
export const flashSecret = (webhookId: string, secret: string) => void (flash = { webhookId, secret });
/** The secret to show now, once: the next call answers null. */
export function takeFlashedSecret(): { webhookId: string; secret: string } | null {
  const shown = flash;
  flash = null;
  return shown;
}
