import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { alertBox, field, showError, showInfo } from '../ui.js';

export async function loginView(ctx) {
  const reason = sessionStorage.getItem('hato.reason');
  const message = alertBox();
  if (reason && ['session-expired', 'session-revoked', 'not-authenticated'].includes(reason)) {
    showInfo(message, t('login.reason.' + reason));
  }
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, t('login.submit'));
  const form = h('form', { class: 'panel login', novalidate: true },
    h('h1', {}, t('login.title')), message,
    field('login-username', t('login.username'), username),
    field('login-password', t('login.password'), password),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!username.value || !password.value) {
      showInfo(message, t('login.missing'), '');
      (username.value ? password : username).focus();
      return;
    }
    submit.disabled = true;
    try {
      const { data } = await api('POST', '/api/auth/login', { username: username.value, password: password.value }, { allow401: true });
      ctx.loggedIn(data);
    } catch (error) {
      if (error.slug === 'login-throttled') showInfo(message, t('login.throttled', { seconds: error.retryAfter ?? '?' }), '');
      else if (error.slug === 'invalid-credentials') showInfo(message, t('login.invalid'), '');
      else showError(message, error);
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  ctx.main.append(form);
  username.focus();
}
