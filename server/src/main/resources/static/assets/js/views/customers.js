import { api, get, query } from '../api.js';
import { h, clear, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { alertBox, badge, clearFieldErrors, confirmDialog, field, reasonDialog, showError, showFieldErrors, showInfo, toast } from '../ui.js';

/** Search parameters for what staff typed: digits (full-width too) mean a phone number, anything else a name. */
export function customerSearch(text) {
  const q = text.trim();
  return /^[+0-9０-９()\-\s]+$/.test(q) ? { phone_number: q } : { name: q };
}

export async function customersView(ctx) {
  const message = alertBox();
  const search = h('input', { name: 'q', type: 'search', value: ctx.query.get('q') || '' });
  const results = h('div', { id: 'customer-results' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('common.loadMore'));
  let next = null;

  const searchForm = h('form', { class: 'panel', role: 'search' },
    field('customer-search', t('customers.search'), search, t('customers.searchHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.search'))));
  const tbody = h('tbody');
  const table = h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', { class: 'visually-hidden' }, t('customers.list')),
    h('thead', {}, h('tr', {}, ['name', 'phone', 'e164', 'state', 'created'].map((k) => h('th', { scope: 'col' }, t('customers.col.' + k))))),
    tbody));

  async function load(reset) {
    try {
      const page = await get(reset ? '/api/customers' + query({ ...customerSearch(search.value), limit: 20 }) : next);
      if (reset) clear(tbody);
      clear(message);
      page.results.forEach((c) => tbody.append(row(c)));
      if (reset && page.results.length === 0) tbody.append(h('tr', {}, h('td', { colspan: 5 }, t('customers.none'))));
      next = page.next;
      more.hidden = !next;
    } catch (error) {
      showError(message, error);
    }
  }
  searchForm.addEventListener('submit', (e) => { e.preventDefault(); load(true); });
  more.addEventListener('click', () => load(false));

  ctx.main.append(h('h1', {}, t('customers.title')), message,
    registerForm(ctx), h('h2', {}, t('customers.list')), searchForm, results);
  results.append(table, h('div', { class: 'actions' }, more));
  await load(true);
}

function row(c) {
  return h('tr', {},
    h('td', {}, h('a', { href: '#/customers/' + c.id }, c.name || t('customers.noName'))),
    h('td', {}, c.phone_number), h('td', {}, c.phone_number_e164),
    h('td', {}, c.opted_out ? badge('opted-out') : t('customers.active')),
    h('td', {}, formatTime(c.created_at)));
}

function registerForm(ctx) {
  const message = alertBox();
  const phone = h('input', { name: 'phone_number', type: 'tel', autocomplete: 'off', required: true });
  const name = h('input', { name: 'name', autocomplete: 'off' });
  const externalId = h('input', { name: 'external_id', autocomplete: 'off' });
  const submit = h('button', { type: 'submit' }, t('customers.register'));
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'register-title' },
    h('h2', { id: 'register-title' }, t('customers.registerTitle')), message,
    h('div', { class: 'row' },
      field('customer-phone', t('customers.phone'), phone, t('customers.phoneHint')),
      field('customer-name', t('customers.name'), name),
      field('customer-external-id', t('customers.externalId'), externalId)),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    clear(message);
    submit.disabled = true;
    try {
      const { data } = await api('POST', '/api/customers', {
        phone_number: phone.value, name: name.value || null, external_id: externalId.value || null,
      });
      toast(t('customers.registered', { name: data.name || data.phone_number_e164 }));
      ctx.go('#/customers/' + data.id);
    } catch (error) {
      if (!showFieldErrors(form, error)) showError(message, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export async function customerView(ctx) {
  const id = ctx.params[0];
  const message = alertBox();
  let customer;
  try {
    customer = await get('/api/customers/' + id);
  } catch (error) {
    ctx.main.append(h('h1', {}, t('customers.title')), message);
    showError(message, error);
    return;
  }
  const facts = h('dl', { class: 'facts' });
  const optButton = h('button', { type: 'button' });
  function show() {
    clear(facts).append(
      h('dt', {}, t('customers.name')), h('dd', {}, customer.name || t('customers.noName')),
      h('dt', {}, t('customers.phone')), h('dd', {}, customer.phone_number),
      h('dt', {}, t('customers.col.e164')), h('dd', {}, customer.phone_number_e164),
      h('dt', {}, t('customers.externalId')), h('dd', {}, customer.external_id || '-'),
      h('dt', {}, t('customers.col.state')), h('dd', {}, customer.opted_out ? badge('opted-out') : t('customers.active')));
    optButton.className = customer.opted_out ? 'secondary' : 'danger';
    clear(optButton).append(customer.opted_out ? t('customers.optIn') : t('customers.optOut'));
    // Lifting an opt-out is for superusers (the server refuses anyone else with 403).
    optButton.hidden = customer.opted_out && !ctx.me.is_superuser;
    liftNote.hidden = !optButton.hidden;
  }
  const liftNote = h('p', { class: 'hint' }, t('customers.liftSuperuserOnly'));
  optButton.addEventListener('click', async () => {
    const out = !customer.opted_out;
    const number = customer.phone_number_e164;
    const change = { opted_out: out };
    if (out) {
      if (!(await confirmDialog(t('customers.confirmOptOut', { number }), t('customers.optOut')))) return optButton.focus();
    } else {
      change.reason = await reasonDialog(t('customers.confirmOptIn', { number }), t('customers.liftReason'), t('customers.optIn'));
      if (!change.reason) return optButton.focus();
    }
    try {
      customer = (await api('PATCH', '/api/customers/' + id, change)).data;
      show();
      showInfo(message, t(out ? 'customers.optedOut' : 'customers.optedIn'), 'ok');
    } catch (error) {
      showError(message, error);
    }
    optButton.focus();
  });
  show();
  const templates = h('tbody');
  ctx.main.append(
    h('h1', {}, customer.name || customer.phone_number_e164), message,
    h('section', { class: 'panel', 'aria-label': t('customers.details') }, facts,
      h('div', { class: 'actions' }, optButton, liftNote,
        h('a', { class: 'button secondary', href: '#/send?customer=' + id }, t('nav.send')),
        h('a', { class: 'button secondary', href: '#/history?customer_id=' + id }, t('nav.history')))),
    h('h2', {}, t('templates.title')),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, t('templates.title')),
      h('thead', {}, h('tr', {}, ['name', 'encoding', 'segments', 'actions'].map((k) => h('th', { scope: 'col' }, t('templates.col.' + k))))),
      templates)),
    h('div', { class: 'actions' }, h('a', { class: 'button', href: `#/customers/${id}/templates/new` }, t('templates.new'))));
  try {
    const list = await get(`/api/customers/${id}/templates`);
    const items = Array.isArray(list) ? list : list.results;
    if (items.length === 0) templates.append(h('tr', {}, h('td', { colspan: 4 }, t('templates.none'))));
    items.forEach((tpl) => templates.append(h('tr', {},
      h('td', {}, h('a', { href: `#/customers/${id}/templates/${tpl.id}` }, tpl.name)),
      h('td', {}, tpl.encoding), h('td', {}, tpl.segments),
      h('td', {}, h('a', { href: `#/send?customer=${id}&template=${tpl.id}` }, t('templates.sendWith'))))));
  } catch (error) {
    showError(message, error);
  }
}
