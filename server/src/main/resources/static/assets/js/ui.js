// Shared pieces of the screens: showing problems (with field errors next to their fields), badges,
// confirmation dialogs, and a toast.
import { h, clear } from './dom.js';
import { t } from './i18n.js';

/** The text for a refusal: known problem types in the user's language, others as the server said. */
export function describe(error) {
  if (!error || !error.problem) return String(error);
  const slug = error.slug;
  if (slug === 'network') return t('error.network');
  if (slug.startsWith('csrf-')) return t('error.csrf');
  const known = t('problem.' + slug, { seconds: error.retryAfter ?? '?' });
  if (known !== 'problem.' + slug) return known + (error.problem.detail ? ` (${error.problem.detail})` : '');
  return [error.problem.title, error.problem.detail].filter(Boolean).join(': ');
}

export function alertBox() {
  return h('div', { class: 'alert', role: 'alert' });
}

export function showError(box, error) {
  clear(box).className = 'alert';
  box.append(describe(error));
}

export function showInfo(box, text, kind = 'info') {
  clear(box).className = 'alert ' + kind;
  if (Array.isArray(text)) box.append(...text);
  else box.append(text);
}

/** Field errors from problem JSON, each under its input (linked with aria-describedby). */
export function showFieldErrors(form, error) {
  clearFieldErrors(form);
  const errors = (error && error.problem && error.problem.errors) || {};
  let first = null;
  for (const [field, messages] of Object.entries(errors)) {
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (!input) continue;
    const id = input.id + '-error';
    const text = Array.isArray(messages) ? messages.join(' ') : String(messages);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.after(h('p', { class: 'field-error', id }, text));
    first = first || input;
  }
  if (first) first.focus();
  return first !== null;
}

export function clearFieldErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    e.removeAttribute('aria-describedby');
  });
}

export function field(id, labelText, input, hint) {
  input.id = id;
  const parts = [h('label', { for: id }, labelText), input];
  if (hint) {
    input.setAttribute('aria-describedby', id + '-hint');
    parts.push(h('p', { class: 'hint', id: id + '-hint' }, hint));
  }
  return h('div', {}, parts);
}

export function badge(status) {
  return h('span', { class: 'badge ' + status }, t('status.' + status));
}

/** A modal confirmation (the native dialog: focus is trapped and Escape cancels). */
export function confirmDialog(message, confirmText) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { 'aria-labelledby': 'confirm-text' },
      h('p', { id: 'confirm-text' }, message),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'danger', 'data-confirm': '', onclick: () => dialog.close('yes') }, confirmText),
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close('no') }, t('common.cancel'))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A modal asking for a required text (a reason); resolves to the trimmed text, or null if cancelled. */
export function reasonDialog(message, labelText, confirmText) {
  return new Promise((resolve) => {
    const input = h('textarea', { id: 'reason-text', required: '', maxlength: '500', rows: '3' });
    const dialog = h('dialog', { 'aria-labelledby': 'reason-prompt' },
      h('form', { method: 'dialog' },
        h('p', { id: 'reason-prompt' }, message),
        h('label', { for: 'reason-text' }, labelText), input,
        h('div', { class: 'actions' },
          h('button', { type: 'submit', value: 'yes', 'data-confirm': '' }, confirmText),
          h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close('no') }, t('common.cancel')))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes' && input.value.trim() ? input.value.trim() : null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

let toastTimer;
export function toast(text) {
  const box = document.getElementById('toast');
  clear(box).append(text);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => clear(box), 5000);
}
