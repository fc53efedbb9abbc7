import { get, query } from '../api.js';
import { h, clear, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { alertBox, field, showError } from '../ui.js';

export const ACTIONS = ['login.succeeded', 'login.failed', 'logout', 'password.changed', 'password.reset',
  'member.added', 'member.changed', 'member.sessions-ended', 'customer.opted-out', 'customer.opted-in',
  'template.created', 'template.updated', 'template.deleted', 'message.sent', 'customers.imported', 'history.exported',
  'audit.exported'];

function dayStart(value, plusDays = 0) {
  if (!value) return '';
  const d = new Date(value + 'T00:00:00');
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
}

// The audit trail (superusers only): read-only, newest first, with the filters the API offers.
export async function auditView(ctx) {
  const q = ctx.query;
  const message = alertBox();
  const actor = h('input', { name: 'actor', value: q.get('actor') || '', autocomplete: 'off' });
  const action = h('select', { name: 'action' }, h('option', { value: '' }, t('history.anyStatus')),
    ACTIONS.map((a) => h('option', { value: a, selected: q.get('action') === a }, t('audit.action.' + a))));
  const object = h('input', { name: 'object', value: q.get('object') || '', placeholder: 'customer:42', autocomplete: 'off' });
  const since = h('input', { name: 'since', type: 'date', value: q.get('since') || '' });
  const until = h('input', { name: 'until', type: 'date', value: q.get('until') || '' });
  const form = h('form', { class: 'panel', 'aria-label': t('history.filters') },
    h('div', { class: 'row' }, field('audit-actor', t('audit.actor'), actor), field('audit-action', t('audit.what'), action),
      field('audit-object', t('audit.object'), object), field('audit-since', t('history.since'), since),
      field('audit-until', t('history.until'), until)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.search'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.go('#/audit' + query({ actor: actor.value.trim(), action: action.value, object: object.value.trim(), since: since.value, until: until.value }));
  });
  const filters = { actor: q.get('actor'), action: q.get('action'), object: q.get('object'),
    since: dayStart(q.get('since')), until: dayStart(q.get('until'), 1) };
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('common.loadMore'));
  const exportLink = h('a', { href: '/api/audit/export' + query(filters), download: '', class: 'button secondary', id: 'audit-export' }, t('history.export'));
  let next = null;

  const changes = (e) => [e.before && JSON.stringify(e.before), e.after && JSON.stringify(e.after)].filter(Boolean).join(' → ');
  async function load(reset) {
    try {
      const page = await get(reset ? '/api/audit' + query({ ...filters, limit: 50 }) : next);
      if (!ctx.alive()) return;
      clear(message);
      page.results.forEach((e) => tbody.append(h('tr', { 'data-action': e.action },
        h('td', {}, formatTime(e.at)), h('td', {}, e.actor_username || '-'), h('td', {}, t('audit.action.' + e.action)),
        h('td', {}, e.object_type ? e.object_type + (e.object_id ? ':' + e.object_id : '') : ''),
        h('td', {}, e.address || ''), h('td', { class: 'body' }, changes(e)))));
      if (reset && !page.results.length) tbody.append(h('tr', {}, h('td', { colspan: 6 }, t('audit.none'))));
      next = page.next;
      more.hidden = !next;
    } catch (error) {
      showError(message, error);
    }
  }
  more.addEventListener('click', () => load(false));
  ctx.main.append(h('h1', {}, t('audit.title')), message, form,
    h('div', { class: 'table-wrap' }, h('table', { id: 'audit-table' },
      h('caption', { class: 'visually-hidden' }, t('audit.title')),
      h('thead', {}, h('tr', {}, ['at', 'actor', 'action', 'object', 'address', 'changes'].map((k) => h('th', { scope: 'col' }, t('audit.col.' + k))))),
      tbody)),
    h('div', { class: 'actions' }, more, exportLink));
  await load(true);
}
