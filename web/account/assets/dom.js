// A tiny DOM builder: h('button', { type: 'submit', onclick }, 'Save'). No framework: the page is
// a handful of forms that re-render after each change.
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const statusEl = () => document.getElementById('status');

/** Announces a success to screen readers (aria-live polite) and shows it in the banner. */
export function announce(text) {
  const el = statusEl();
  el.textContent = '';
  // A fresh text node in a separate task makes screen readers announce repeats too.
  setTimeout(() => (el.textContent = text), 30);
}

export function formatDate(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A labelled input: { name, label, type, value, autocomplete, required, hint, inputmode }. */
export function field(formId, f) {
  const id = `${formId}-${f.name}`;
  const hintId = f.hint ? `${id}-hint` : null;
  const input = h(f.type === 'textarea' ? 'textarea' : 'input', {
    id,
    name: f.name,
    type: f.type === 'textarea' ? null : (f.type ?? 'text'),
    value: f.value ?? '',
    autocomplete: f.autocomplete ?? 'off',
    required: f.required,
    inputmode: f.inputmode,
    pattern: f.pattern,
    maxlength: f.maxlength,
    rows: f.rows,
    'aria-describedby': hintId,
    spellcheck: f.type === 'textarea' ? 'false' : null,
  });
  return h('div', { class: 'field' }, h('label', { for: id }, f.label), input, hintId && h('p', { class: 'hint', id: hintId }, f.hint));
}

/**
 * A form with its own error line (role=alert, so errors are announced). onSubmit(values, ui) may
 * return an error object `{ code, message }`, which is shown as a sentence.
 */
export function form({ id, fields = [], submit, onSubmit, extra = [], secondary = [] }, errorSentence) {
  const errorId = `${id}-error`;
  const error = h('p', { class: 'error', id: errorId, role: 'alert' });
  const button = h('button', { type: 'submit', id: `${id}-submit` }, submit);
  const el = h(
    'form',
    { id, novalidate: true, 'aria-describedby': errorId },
    fields.map((f) => field(id, f)),
    extra,
    error,
    h('div', { class: 'actions' }, button, secondary),
  );
  const ui = {
    error(e) {
      error.textContent = e ? errorSentence(e) : '';
      if (e) el.querySelector('input, textarea')?.setAttribute('aria-invalid', 'true');
    },
    el,
  };
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const input of el.querySelectorAll('[required]')) {
      if (!input.value.trim()) {
        ui.error({ code: 'INVALID_INPUT', message: `${el.querySelector(`label[for="${input.id}"]`)?.textContent ?? input.name} is required` });
        input.focus();
        return;
      }
    }
    ui.error(null);
    button.disabled = true;
    el.setAttribute('aria-busy', 'true');
    try {
      const values = Object.fromEntries(new FormData(el).entries());
      const result = await onSubmit(values, ui);
      if (result && result.code) ui.error(result);
    } catch (err) {
      console.error(err);
      ui.error({ code: err?.code ?? 'UNEXPECTED' });
    } finally {
      button.disabled = false;
      el.removeAttribute('aria-busy');
    }
  });
  return el;
}

/** A button that runs an async action and reports its error next to it. */
export function actionButton(id, label, action, errorSentence, props = {}) {
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
      error.textContent = errorSentence({ code: err?.code ?? 'UNEXPECTED' });
    } finally {
      if (button.isConnected) button.disabled = false;
    }
  });
  return h('span', { class: 'action' }, button, error);
}
