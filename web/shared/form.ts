// Labelled fields, forms with their own announced error line, and buttons that run an action.
import { type Child, h } from './dom';
import { codeOf, errorSentence, type ErrorInfo } from './errors';

export interface FieldSpec {
  name: string;
  label: string;
  type?: string;
  value?: string | null;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  inputmode?: string;
  pattern?: string;
  maxlength?: number;
  rows?: number;
}

/** A labelled input (or textarea); its id is `${formId}-${name}`. */
export function field(formId: string, f: FieldSpec): HTMLDivElement {
  const id = `${formId}-${f.name}`;
  const hintId = f.hint ? `${id}-hint` : null;
  const textarea = f.type === 'textarea';
  const input = h(textarea ? 'textarea' : 'input', {
    id,
    name: f.name,
    type: textarea ? null : (f.type ?? 'text'),
    value: f.value ?? '',
    autocomplete: f.autocomplete ?? 'off',
    required: f.required,
    inputmode: f.inputmode,
    pattern: f.pattern,
    maxlength: f.maxlength,
    rows: f.rows,
    'aria-describedby': hintId,
    spellcheck: textarea ? 'false' : null,
  });
  return h('div', { class: 'field' }, h('label', { for: id }, f.label), input, hintId && h('p', { class: 'hint', id: hintId }, f.hint));
}

/** A labelled select of [value, label] options. */
export function select(formId: string, name: string, label: string, options: [string, string][], value?: string | null): HTMLDivElement {
  const id = `${formId}-${name}`;
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name }, options.map(([v, l]) => h('option', { value: v, selected: v === (value ?? '') }, l))));
}

/** What an onSubmit or action may return: nothing (done), or an error to show as a sentence. */
export type Result = ErrorInfo | null | undefined | void;

export interface FormSpec {
  id: string;
  fields?: FieldSpec[];
  submit: string;
  onSubmit: (values: Record<string, string>, el: HTMLFormElement) => Promise<Result> | Result;
  extra?: Child;
  secondary?: Child;
  submitClass?: string;
}

/**
 * A form with its own error line (role=alert, so errors are announced). Required fields are
 * checked here with a sentence naming the field; the API checks everything again.
 */
export function form({ id, fields = [], submit, onSubmit, extra, secondary, submitClass }: FormSpec): HTMLFormElement {
  const errorId = `${id}-error`;
  const error = h('p', { class: 'error', id: errorId, role: 'alert' });
  const button = h('button', { type: 'submit', id: `${id}-submit`, class: submitClass }, submit);
  const el = h('form', { id, novalidate: true, 'aria-describedby': errorId }, fields.map((f) => field(id, f)), extra, error, h('div', { class: 'actions' }, button, secondary));
  const show = (e: ErrorInfo | null) => {
    error.textContent = e ? errorSentence(e) : '';
    if (e) el.querySelector('input, textarea')?.setAttribute('aria-invalid', 'true');
  };
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const input of el.querySelectorAll<HTMLInputElement>('[required]')) {
      if (!input.value.trim()) {
        show({ code: 'INVALID_INPUT', message: `${el.querySelector(`label[for="${input.id}"]`)?.textContent ?? input.name} is required` });
        input.focus();
        return;
      }
    }
    show(null);
    button.disabled = true;
    el.setAttribute('aria-busy', 'true');
    try {
      const values: Record<string, string> = {};
      for (const [k, v] of new FormData(el).entries()) if (typeof v === 'string') values[k] = v;
      const result = await onSubmit(values, el);
      if (result && result.code) show(result);
    } catch (err) {
      console.error(err);
      show({ code: codeOf(err) });
    } finally {
      button.disabled = false;
      el.removeAttribute('aria-busy');
    }
  });
  return el;
}

/** A button that runs an async action and reports its error next to it. */
export function actionButton(id: string, label: string, action: () => Promise<Result> | Result, props: Record<string, unknown> = {}): HTMLSpanElement {
  const error = h('span', { class: 'error inline', role: 'alert', id: `${id}-error` });
  const button = h('button', { type: 'button', id, 'aria-describedby': `${id}-error`, ...props }, label);
  button.addEventListener('click', async () => {
    error.textContent = '';
    button.disabled = true;
    try {
      const result = await action();
      if (result && result.code) error.textContent = errorSentence(result);
    } catch (err) {
      console.error(err);
      error.textContent = errorSentence({ code: codeOf(err) });
    } finally {
      if (button.isConnected) button.disabled = false;
    }
  });
  return h('span', { class: 'action' }, button, error);
}

/** Asks in a modal dialog; true for `Confirm`, false for `Cancel` or Escape. */
export async function confirmDialog(title: string, body: string, confirmLabel = 'Confirm'): Promise<boolean> {
  return (await chooseDialog(title, body, [{ id: 'ok', label: confirmLabel }])) === 'ok';
}

export interface Choice {
  /** The button's id is `confirm-${id}`. */
  id: string;
  label: string;
  class?: string;
}

/** Asks in a modal dialog with one button per choice, then `Cancel`; null for `Cancel` or Escape. */
export function chooseDialog(title: string, body: string, choices: Choice[]): Promise<string | null> {
  return new Promise((resolve) => {
    const finish = (answer: string | null) => {
      if (!dialog.isConnected) return;
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const dialog = h('dialog', { id: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-body' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', { id: 'confirm-body' }, body),
      h('div', { class: 'actions' },
        choices.map((c) => h('button', { type: 'button', id: `confirm-${c.id}`, class: c.class ?? 'danger', onclick: () => finish(c.id) }, c.label)),
        h('button', { type: 'button', id: 'confirm-cancel', class: 'secondary', onclick: () => finish(null) }, 'Cancel')));
    dialog.addEventListener('close', () => finish(null));
    document.body.append(dialog);
    dialog.showModal();
    (dialog.querySelector('#confirm-cancel') as HTMLButtonElement).focus();
  });
}
