import { api, get } from '../api.js';
import { h, clear, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { alertBox, clearFieldErrors, confirmDialog, field, showError, showFieldErrors, showInfo } from '../ui.js';

// The team (superusers only): every member, and what a superuser may do about each. A password the
// service generates is shown once, here, and never again.
export async function teamView(ctx) {
  const message = alertBox();
  const tbody = h('tbody');
  let applyFilter = () => {};
  const username = h('input', { name: 'username', autocomplete: 'off', required: true, maxlength: 150 });
  const fullName = h('input', { name: 'full_name', autocomplete: 'off', maxlength: 255 });
  const employeeId = h('input', { name: 'employee_id', autocomplete: 'off', maxlength: 50 });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'off', maxlength: 254 });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password' });
  const superuser = h('input', { name: 'is_superuser', type: 'checkbox' });
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'team-add' },
    h('h2', { id: 'team-add' }, t('team.add')),
    h('div', { class: 'row' },
      field('team-username', t('team.username'), username), field('team-name', t('team.fullName'), fullName),
      field('team-employee', t('team.employeeId'), employeeId), field('team-email', t('team.email'), email)),
    field('team-password', t('team.password'), password, t('team.passwordHint')),
    h('div', {}, h('label', { for: 'team-superuser' }, superuser, ' ', t('team.superuser'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('team.addSubmit'))));
  superuser.id = 'team-superuser';

  // The list is drawn again after each action, which takes the focus with it: the focus goes to the
  // outcome instead, so a keyboard user hears it and goes on from there.
  message.setAttribute('tabindex', '-1');
  function shown(text, secret) {
    showInfo(message, secret ? [text, ' ', h('code', { id: 'generated-password' }, secret)] : text, 'ok');
    message.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const body = { username: username.value.trim(), is_superuser: superuser.checked };
    if (fullName.value.trim()) body.full_name = fullName.value.trim();
    if (employeeId.value.trim()) body.employee_id = employeeId.value.trim();
    if (email.value.trim()) body.email = email.value.trim();
    if (password.value) body.password = password.value;
    try {
      const { data } = await api('POST', '/api/users', body);
      form.reset();
      shown(t('team.added', { username: data.username }), data.generated_password);
      await load();
    } catch (error) {
      if (!showFieldErrors(form, error)) showError(message, error);
    }
  });

  async function act(member, method, path, body, question, done) {
    if (question && !(await confirmDialog(question, t('common.confirm')))) return;
    try {
      const { data } = await api(method, path, body);
      shown(done, data && data.generated_password);
      await load();
    } catch (error) {
      showError(message, error);
    }
  }

  function row(m) {
    const who = { username: m.username };
    const buttons = [
      h('button', { type: 'button', class: 'secondary', 'data-action': 'active',
        onclick: () => act(m, 'PATCH', '/api/users/' + m.id, { is_active: !m.is_active },
          m.is_active ? t('team.confirmDeactivate', who) : null, t(m.is_active ? 'team.deactivated' : 'team.reactivated', who)) },
      t(m.is_active ? 'team.deactivate' : 'team.reactivate')),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'superuser',
        onclick: () => act(m, 'PATCH', '/api/users/' + m.id, { is_superuser: !m.is_superuser },
          t(m.is_superuser ? 'team.confirmRevoke' : 'team.confirmGrant', who), t('team.changed', who)) },
      t(m.is_superuser ? 'team.revoke' : 'team.grant')),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'reset',
        onclick: () => act(m, 'POST', '/api/users/' + m.id + '/password', {}, t('team.confirmReset', who), t('team.reset', who)) },
      t('team.resetPassword')),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'sessions', disabled: !m.sessions_open,
        onclick: () => act(m, 'DELETE', '/api/users/' + m.id + '/sessions', undefined, t('team.confirmLogout', who), t('team.loggedOut', who)) },
      t('team.logout')),
    ];
    return h('tr', { 'data-username': m.username },
      h('th', { scope: 'row' }, m.username), h('td', {}, m.full_name || ''), h('td', {}, m.employee_id || ''),
      h('td', {}, [m.is_superuser ? t('team.roleSuperuser') : m.is_staff ? t('team.roleStaff') : t('team.roleNone'),
        m.must_change_password ? ' · ' + t('team.mustChange') : '']),
      h('td', {}, t(m.is_active ? 'team.active' : 'team.inactive')),
      h('td', {}, m.last_login ? formatTime(m.last_login) : '-'), h('td', {}, m.recent_failed_logins),
      h('td', {}, m.sessions_open), h('td', {}, h('div', { class: 'row-actions' }, buttons)));
  }

  async function load() {
    try {
      const members = await get('/api/users');
      if (!ctx.alive()) return;
      clear(tbody).append(...members.map(row));
      applyFilter();
    } catch (error) {
      showError(message, error);
    }
  }

  // An office's team fits one page; the filter finds one member among many quickly.
  const filter = h('input', { type: 'search', autocomplete: 'off' });
  applyFilter = () => {
    const wanted = filter.value.trim().toLowerCase();
    tbody.querySelectorAll('tr').forEach((tr) => { tr.hidden = wanted !== '' && !tr.textContent.toLowerCase().includes(wanted); });
  };
  filter.addEventListener('input', applyFilter);
  ctx.main.append(h('h1', {}, t('team.title')), message,
    h('div', { class: 'panel' }, field('team-filter', t('team.filter'), filter)),
    h('div', { class: 'table-wrap' }, h('table', { id: 'team-table' },
      h('caption', { class: 'visually-hidden' }, t('team.title')),
      h('thead', {}, h('tr', {}, ['username', 'name', 'employee', 'role', 'state', 'lastLogin', 'failures', 'sessions', 'actions']
        .map((k) => h('th', { scope: 'col' }, t('team.col.' + k))))),
      tbody)),
    form);
  await load();
}
