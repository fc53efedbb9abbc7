import { api, get } from '../api.js';
import { h, clear, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { alertBox, clearFieldErrors, field, showError, showFieldErrors, showInfo } from '../ui.js';

// The member's own password. Also the screen a member lands on while the password is one someone
// else chose (added by a superuser, or reset): until it is changed every other call answers 403.
export async function passwordView(ctx) {
  const forced = ctx.me && ctx.me.must_change_password;
  const message = alertBox();
  if (forced) showInfo(message, t('password.forced'));
  const current = h('input', { name: 'current_password', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { name: 'new_password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const again = h('input', { name: 'confirm_password', type: 'password', autocomplete: 'new-password', required: true });
  const submit = h('button', { type: 'submit' }, t('password.submit'));
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'password-title' },
    field('password-current', t('password.current'), current),
    field('password-new', t('password.new'), next, t('password.hint')),
    field('password-confirm', t('password.confirm'), again),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    if (next.value !== again.value) {
      showFieldErrors(form, { problem: { errors: { confirm_password: [t('password.mismatch')] } } });
      return;
    }
    submit.disabled = true;
    try {
      await api('POST', '/api/auth/password', { current_password: current.value, new_password: next.value });
      ctx.me.must_change_password = false;
      form.reset();
      showInfo(message, t('password.changed'), 'ok');
      if (forced) ctx.go('#/');
    } catch (error) {
      if (!showFieldErrors(form, error)) showError(message, error);
    } finally {
      submit.disabled = false;
    }
  });
  ctx.main.append(h('h1', { id: 'password-title' }, t('password.title')), message, form);
  if (!forced) await sessionsPanel(ctx);
}

// The member's open sessions: where and when each started, and ending the others.
async function sessionsPanel(ctx) {
  const message = alertBox();
  const tbody = h('tbody');
  const endAll = h('button', { type: 'button', class: 'secondary', id: 'sessions-end-others' }, t('sessions.endOthers'));
  async function end(path) {
    try {
      await api('DELETE', path);
      await load();
    } catch (error) {
      showError(message, error);
    }
  }
  async function load() {
    try {
      const sessions = await get('/api/auth/sessions');
      if (!ctx.alive()) return;
      clear(tbody).append(...sessions.map((s) => h('tr', { 'data-current': String(s.current) },
        h('td', {}, formatTime(s.started)), h('td', {}, formatTime(s.last_used)), h('td', {}, s.address || '-'),
        h('td', { class: 'body' }, s.browser || '-'),
        h('td', {}, s.current ? t('sessions.current') : h('button', { type: 'button', class: 'secondary',
          onclick: () => end('/api/auth/sessions/' + s.id) }, t('sessions.end'))))));
      endAll.disabled = sessions.length < 2;
    } catch (error) {
      showError(message, error);
    }
  }
  endAll.addEventListener('click', () => end('/api/auth/sessions'));
  ctx.main.append(h('h2', { id: 'sessions-title' }, t('sessions.title')), message,
    h('div', { class: 'table-wrap' }, h('table', { id: 'sessions-table', 'aria-labelledby': 'sessions-title' },
      h('thead', {}, h('tr', {}, ['started', 'lastUsed', 'address', 'browser', 'action'].map((k) => h('th', { scope: 'col' }, t('sessions.col.' + k))))),
      tbody)),
    h('div', { class: 'actions' }, endAll));
  await load();
}
