// What every section reads and the few things it may do (reload, say the account is gone).
import { announce, h } from '../shared/dom';
import type { ErrorInfo } from '../shared/errors';
import type { Provider } from '../shared/signin';
import type { Center, FieldName, Me } from './queries';

export interface AccountCtx {
  root: HTMLElement;
  center: Center;
  minPasswordLength: number;
  providers: readonly Provider[];
  me: Me;
  /** Secrets shown once (backup codes, a new token), consumed by the next render. */
  flash: { backupCodes?: readonly string[] | null; token?: { name: string; token: string } | null };
  /** An admin acting as this user (impersonation token): the banner and no cookie. */
  impersonating: boolean;
  reload: (focusId?: string) => Promise<void>;
  deleted: () => Promise<void>;
}

export function modeOf(ctx: AccountCtx, field: FieldName): 'OFF' | 'READ_ONLY' | 'EDIT' {
  const mode = ctx.center.fields[field] ?? 'OFF';
  // While the account center is disabled every `me` change is refused: show, but offer no controls.
  return mode === 'EDIT' && !ctx.center.enabled ? 'READ_ONLY' : mode;
}
export const editable = (ctx: AccountCtx, f: FieldName) => modeOf(ctx, f) === 'EDIT';
export const visible = (ctx: AccountCtx, f: FieldName) => modeOf(ctx, f) !== 'OFF';

export const readOnlyNote = (ctx: AccountCtx, f: FieldName) =>
  modeOf(ctx, f) === 'READ_ONLY' && h('p', { class: 'hint' }, 'This is managed by the administrator and cannot be changed here.');

/** Runs a write; on success announces `done` and reloads. Returns the error for the form to show. */
export async function apply(ctx: AccountCtx, run: () => Promise<{ error?: ErrorInfo; cancelled?: boolean }>, done: string): Promise<ErrorInfo | null> {
  const result = await run();
  if (result.cancelled) return null;
  if (result.error) {
    if (result.error.code === 'NOT_FOUND') await ctx.reload();
    return result.error;
  }
  await ctx.reload();
  announce(done);
  return null;
}

export const passwordHint = (ctx: AccountCtx) => `At least ${ctx.minPasswordLength} characters; not a common password.`;

/** A section: which fields govern it, and how it renders. */
export interface Section {
  id: string;
  title: string;
  show: (ctx: AccountCtx) => boolean;
  render: (ctx: AccountCtx) => (Node | string | null | undefined | false)[] | Node;
}
