// The signed-in frame both apps share: a navigation list and the content, with a title row that
// names who is signed in and offers `Sign out`.
import { type Child, h } from './dom';

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

export function nav(label: string, items: NavItem[]): HTMLElement {
  return h('nav', { 'aria-label': label, class: 'toc' },
    h('ul', null, items.map((i) => h('li', null, h('a', { href: i.href, 'aria-current': i.current ? 'page' : null }, i.label)))));
}

export function titleRow(heading: HTMLElement, who: string, onSignOut: () => void, signOutLabel = 'Sign out'): HTMLElement {
  return h('div', { class: 'title-row' }, heading,
    h('div', { class: 'who' }, h('span', null, who), h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: onSignOut }, signOutLabel)));
}

export function frame(navigation: HTMLElement, ...content: Child[]): HTMLElement {
  return h('div', { class: 'layout' }, navigation, h('div', { class: 'content' }, content));
}

/** A page heading that takes focus when a view opens, so screen readers announce it. */
export const pageHeading = (text: string) => h('h1', { id: 'page-title', tabindex: '-1' }, text);

/** A banner across the top of the app (impersonation), before the status line. */
export function banner(id: string, ...children: Child[]): HTMLElement {
  const el = h('div', { class: 'banner', id, role: 'region', 'aria-label': 'Impersonation' }, children);
  document.body.insertBefore(el, document.body.firstElementChild?.nextElementSibling ?? null);
  return el;
}
