// A tiny DOM builder: h('button', { type: 'submit', onclick }, 'Save'). No framework: both apps are
// forms and lists that re-render a part after each change (see docs/account-page.md).
export type Child = Node | string | number | null | undefined | false | Child[];
export type Props = Record<string, unknown> | null;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'value') (el as HTMLInputElement).value = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: Child[]) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** The element with that id; throws when the page shell lacks it (a bug, not a runtime state). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing`);
  return el as T;
}

/** Announces a success to screen readers (aria-live polite) and shows it in the banner. */
export function announce(text: string): void {
  const el = byId('status');
  el.textContent = '';
  // A fresh text node in a separate task makes screen readers announce repeats too.
  setTimeout(() => (el.textContent = text), 30);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A definition list of [label, value] rows; falsy rows are skipped. */
export function facts(rows: ([string, Child] | null | false | undefined)[]): HTMLDListElement {
  return h('dl', { class: 'facts' }, rows.filter((r): r is [string, Child] => !!r).map(([k, v]) => [h('dt', null, k), h('dd', null, v ?? '—')]));
}

/** A one-time secret with a copy button and the warning that it is not shown again. */
export function secretNotice(id: string, intro: string, secret: string): HTMLDivElement {
  return h('div', { class: 'notice', id, tabindex: '-1' },
    h('p', null, `${intro} Copy it now: it will not be shown again.`),
    h('code', { class: 'secret', id: `${id}-value` }, secret),
    h('button', { type: 'button', class: 'secondary', id: `${id}-copy`,
      onclick: () => navigator.clipboard?.writeText(secret).then(() => announce('Copied.'), () => announce('Copying is not allowed here: select the text instead.')) }, 'Copy'));
}
