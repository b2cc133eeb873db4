// What every console view shares: the token's scopes (views and write controls follow them), the
// signed-in admin, and navigation by the address's fragment (#/users/usr_…).
import type { AdminScope } from './scopes';

export interface AdminCtx {
  root: HTMLElement;
  scopes: ReadonlySet<string>;
  who: string;
  /** The content area of the current view (below the navigation). */
  main: HTMLElement;
  go: (route: string) => void;
}

export const can = (ctx: AdminCtx, scope: AdminScope) => ctx.scopes.has(scope);

/** A view: its route prefix, nav label, the scope that shows it, and how it renders into ctx.main. */
export interface View {
  route: string;
  label: string;
  scope: AdminScope | 'any';
  render: (ctx: AdminCtx, params: string[], query: URLSearchParams) => Promise<void> | void;
}
