import { get, query } from '../api.js';
import { h, clear, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { alertBox, badge, field, showError } from '../ui.js';

const OPEN = ['queued', 'sending'];
export const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'unknown', 'failed'];
// A sent message waits for its delivery receipt; the sandbox's come within seconds, a carrier's mostly
// within minutes (up to 72 h). Followed for a while after sending, not for ever.
const RECEIPT_WATCH_MS = 10 * 60 * 1000;

function stillChanging(m) {
  if (OPEN.includes(m.status)) return true;
  return m.status === 'sent' && m.sent_at && Date.now() - new Date(m.sent_at).getTime() < RECEIPT_WATCH_MS;
}

function dayStart(value, plusDays = 0) {
  if (!value) return '';
  const d = new Date(value + 'T00:00:00');
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
}

export async function historyView(ctx) {
  const q = ctx.query;
  const message = alertBox();
  const phone = h('input', { name: 'phone_number', type: 'tel', value: q.get('phone_number') || '' });
  const status = h('select', { name: 'status' }, h('option', { value: '' }, t('history.anyStatus')),
    STATUSES.map((s) => h('option', { value: s, selected: q.get('status') === s }, t('status.' + s))));
  const since = h('input', { name: 'since', type: 'date', value: q.get('since') || '' });
  const until = h('input', { name: 'until', type: 'date', value: q.get('until') || '' });
  const sender = h('select', { name: 'sent_by' }, h('option', { value: '' }, t('history.anyone')),
    h('option', { value: 'me', selected: q.get('sent_by') === 'me' }, t('history.me')));
  const customerId = q.get('customer_id') || '';
  const form = h('form', { class: 'panel', 'aria-label': t('history.filters') },
    customerId ? h('p', {}, t('history.customerFilter', { id: customerId }), ' ', h('a', { href: '#/history' }, t('history.clearCustomer'))) : '',
    h('div', { class: 'row' },
      field('history-phone', t('customers.phone'), phone), field('history-status', t('history.status'), status),
      field('history-since', t('history.since'), since), field('history-until', t('history.until'), until),
      field('history-sender', t('history.sender'), sender)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.search'))));
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('common.loadMore'));
  let next = null;
  const rows = new Map();

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = { customer_id: customerId, phone_number: phone.value.trim(), status: status.value, since: since.value, until: until.value, sent_by: sender.value };
    ctx.go('#/history' + query(params));
  });

  const filters = {
    customer_id: customerId, phone_number: q.get('phone_number'), status: q.get('status'),
    since: dayStart(q.get('since')), until: dayStart(q.get('until'), 1),
    sent_by: q.get('sent_by') === 'me' ? ctx.me.id : '',
  };
  // A plain download: the browser sends the session cookie, and a GET needs no CSRF header.
  const exportLink = h('a', { href: '/api/sms/history/export' + query(filters), download: '', class: 'button secondary', id: 'history-export' }, t('history.export'));

  async function load(reset) {
    try {
      const path = reset ? '/api/sms/history' + query({ ...filters, limit: 50 }) : next;
      const page = await get(path);
      if (!ctx.alive()) return;
      clear(message);
      page.results.forEach((m) => {
        const tr = row(m);
        rows.set(m.id, tr);
        tbody.append(tr);
      });
      if (reset && !page.results.length) tbody.append(h('tr', {}, h('td', { colspan: 6 }, t('history.none'))));
      next = page.next;
      more.hidden = !next;
    } catch (error) {
      showError(message, error);
    }
  }
  more.addEventListener('click', () => load(false));

  // Rows still queued, sending or just sent follow their message until it is delivered or failed.
  async function follow() {
    const open = [...rows.entries()].filter(([, tr]) => tr.dataset.open === 'true').slice(0, 20);
    for (const [id, tr] of open) {
      try {
        const m = await get('/api/sms/messages/' + id);
        if (!ctx.alive()) return;
        if (m.status !== tr.dataset.status) {
          const fresh = row(m);
          tr.replaceWith(fresh);
          rows.set(id, fresh);
        }
      } catch (error) {
        return showError(message, error);
      }
    }
  }

  ctx.main.append(h('h1', {}, t('history.title')), message, form,
    h('div', { class: 'table-wrap' }, h('table', { id: 'history-table' },
      h('caption', { class: 'visually-hidden' }, t('history.title')),
      h('thead', {}, h('tr', {}, ['created', 'to', 'body', 'status', 'segments', 'detail'].map((k) => h('th', { scope: 'col' }, t('history.col.' + k))))),
      tbody)),
    h('div', { class: 'actions' }, more, exportLink));
  await load(true);
  ctx.every(2000, follow);
}

function row(m) {
  return h('tr', { 'data-id': m.id, 'data-status': m.status, 'data-open': String(stillChanging(m)) },
    h('td', {}, formatTime(m.created_at)), h('td', {}, m.phone_number_e164),
    h('td', { class: 'body' }, m.body), h('td', {}, badge(m.status)), h('td', {}, m.segments),
    h('td', {}, h('a', { href: '#/messages/' + m.id, 'aria-label': t('history.detailOf', { id: m.id }) }, t('history.detail'))));
}

export async function messageView(ctx) {
  const id = ctx.params[0];
  const message = alertBox();
  const body = h('div');
  ctx.main.append(h('h1', {}, t('message.title', { id })), message, body);

  async function load() {
    try {
      const m = await get('/api/sms/messages/' + id);
      if (!ctx.alive()) return null;
      const fact = (key, value) => [h('dt', {}, t('message.' + key)), h('dd', {}, value ?? '-')];
      clear(body).append(
        h('section', { class: 'panel', 'aria-label': t('message.facts') }, h('dl', { class: 'facts' },
          fact('status', badge(m.status)), fact('to', m.phone_number_e164), fact('body', m.body),
          fact('encoding', m.encoding), fact('segments', m.segments), fact('attempts', m.attempts),
          fact('providerId', m.provider_message_id), fact('lastError', m.last_error),
          fact('sentBy', m.sent_by_username || '#' + m.sent_by),
          fact('created', formatTime(m.created_at)), fact('sentAt', formatTime(m.sent_at)),
          fact('deliveredAt', m.delivered_at && formatTime(m.delivered_at)),
          fact('carrier', m.delivery_detail && [m.delivery_detail.status, m.delivery_detail.description]
            .filter(Boolean).join(': ')),
          fact('parts', m.parts), fact('price', m.price_usd == null ? null : 'USD ' + m.price_usd),
          fact('customer', h('a', { href: '#/customers/' + m.customer_id }, '#' + m.customer_id)))),
        h('h2', {}, t('message.timeline')),
        h('ol', { class: 'timeline', id: 'timeline' }, m.events.map((e) => h('li', { 'data-status': e.status },
          h('time', { datetime: e.created_at }, formatTime(e.created_at)), badge(e.status), ' ', e.detail || ''))));
      return m;
    } catch (error) {
      showError(message, error);
      return null;
    }
  }
  const first = await load();
  let open = first && stillChanging(first);
  ctx.every(2000, async () => {
    if (!open) return;
    const m = await load();
    if (m && !stillChanging(m)) open = false;
  });
}
