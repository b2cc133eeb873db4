// Small pieces the console views share: headings, tables that stay inside 390 px, paging buttons.
import { announce, type Child, h } from '../shared/dom';
import { codeOf, errorSentence } from '../shared/errors';
import { pageHeading } from '../shared/layout';
import type { AdminCtx } from './context';

/** Replaces the view's content: a focused heading, then the body. */
export function show(ctx: AdminCtx, title: string, ...body: Child[]): void {
  const heading = pageHeading(title);
  // Through h(), which drops the false/null parts a view passes for what the token cannot see.
  ctx.main.replaceChildren(...h('div', null, heading, body).childNodes);
  document.title = `${title} · Admin console`;
  heading.focus();
}

export const card = (id: string, title: string, ...body: Child[]) =>
  h('section', { class: 'card', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), body);

/** A table that scrolls inside its own box on a narrow screen instead of the page. */
export function table(label: string, head: string[], rows: Child[][], id?: string): HTMLElement {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: '0' },
    h('table', { id },
      h('thead', null, h('tr', null, head.map((c) => h('th', { scope: 'col' }, c || h('span', { class: 'sr-only' }, 'Actions'))))),
      h('tbody', null, rows.map((r) => h('tr', null, r.map((c) => h('td', null, c)))))));
}

/** Loads a view's data; an authorization or transport failure becomes a sentence, not a blank page. */
export async function load<T>(ctx: AdminCtx, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    console.error(err);
    ctx.main.append(h('p', { class: 'error', role: 'alert' }, errorSentence({ code: codeOf(err) })));
    return null;
  }
}

export const done = (text: string) => announce(text);

export const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
