import { api, get, query } from '../api.js';
import { h, clear, randomKey } from '../dom.js';
import { t } from '../i18n.js';
import { placeholders, render } from '../smstext.js';
import { alertBox, badge, field, showError, showInfo } from '../ui.js';
import { counter } from './template.js';
import { customerSearch } from './customers.js';

const BUILT_IN = ['customer_name', 'phone_number'];

export async function sendView(ctx) {
  const message = alertBox();
  const picked = h('div', { id: 'send-customer' });
  const search = h('input', { name: 'q', type: 'search', autocomplete: 'off' });
  const choices = h('ul', { class: 'pick', id: 'send-choices' });
  const templateSelect = h('select', { name: 'template_id' });
  const vars = h('div', { id: 'send-variables' });
  const preview = h('div', { class: 'preview', id: 'send-preview' });
  const count = counter();
  const sendButton = h('button', { type: 'submit', id: 'send-button' }, t('send.submit'));
  const result = h('div', { id: 'send-result', 'aria-live': 'polite' });
  let customer = null;
  let templates = [];
  // One Idempotency-Key (and its one-time token) per filled-in form: a double click or a retry after
  // a network error repeats the same request, so at most one message is created. Changing the form
  // starts a new one.
  let pending = null;
  let busy = false;

  const searchForm = h('form', { class: 'panel', role: 'search' },
    field('send-search', t('send.findCustomer'), search, t('customers.searchHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.search'))), choices);
  searchForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const page = await get('/api/customers' + query({ ...customerSearch(search.value), limit: 10 }));
      clear(choices).append(...page.results.map((c) => h('li', {},
        h('button', { type: 'button', class: 'secondary', onclick: () => choose(c.id) },
          `${c.name || t('customers.noName')} (${c.phone_number_e164})`))));
      if (!page.results.length) choices.append(h('li', {}, t('customers.none')));
    } catch (error) {
      showError(message, error);
    }
  });

  const form = h('form', { class: 'panel', novalidate: true, hidden: true },
    field('send-template', t('send.template'), templateSelect), vars,
    h('h2', {}, t('templates.preview')), preview, count,
    h('div', { class: 'actions' }, sendButton));

  async function choose(id) {
    clear(message);
    clear(result);
    try {
      customer = await get('/api/customers/' + id);
      const list = await get(`/api/customers/${id}/templates`);
      templates = Array.isArray(list) ? list : list.results;
    } catch (error) {
      return showError(message, error);
    }
    clear(picked).append(h('p', {}, t('send.to'), ' ', h('strong', {}, customer.name || t('customers.noName')),
      ` ${customer.phone_number_e164} `, customer.opted_out ? badge('opted-out') : ''));
    clear(templateSelect).append(h('option', { value: '' }, t('send.chooseTemplate')),
      ...templates.map((tpl) => h('option', { value: tpl.id }, tpl.name)));
    const wanted = ctx.id('template');
    if (wanted && templates.some((tpl) => String(tpl.id) === wanted)) templateSelect.value = wanted;
    form.hidden = false;
    if (!templates.length) showInfo(message, [t('send.noTemplates'), ' ', h('a', { href: `#/customers/${id}/templates/new` }, t('templates.new'))]);
    changed();
    templateSelect.focus();
  }

  function template() {
    return templates.find((tpl) => String(tpl.id) === templateSelect.value);
  }

  function changed() {
    pending = null;
    const tpl = template();
    const names = tpl ? placeholders(tpl.content).filter((n) => !BUILT_IN.includes(n)) : [];
    const existing = typedValues();
    clear(vars).append(...names.map((n) => {
      const input = h('input', { name: n, value: existing[n] || '', 'data-variable': n });
      input.addEventListener('input', refreshPreview);
      return field('send-var-' + n, t('send.variable', { name: n }), input);
    }));
    refreshPreview();
  }

  /** The values typed for the template's own placeholders. */
  function typedValues() {
    return Object.fromEntries([...vars.querySelectorAll('input')].map((i) => [i.name, i.value]));
  }

  function values() {
    return { customer_name: customer.name || '', phone_number: customer.phone_number_e164, ...typedValues() };
  }

  function refreshPreview() {
    pending = null;
    const tpl = template();
    const text = tpl ? render(tpl.content, values()) : '';
    clear(preview).append(text);
    count.update(text);
  }
  templateSelect.addEventListener('change', changed);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const tpl = template();
    if (!tpl) {
      showInfo(message, t('send.chooseTemplate'), '');
      return templateSelect.focus();
    }
    busy = true;
    sendButton.disabled = true;
    clear(message);
    clear(result);
    try {
      if (!pending) {
        const issued = (await api('POST', '/api/tokens', { customer_id: customer.id })).data;
        pending = {
          key: randomKey(),
          body: { phone_number: customer.phone_number_e164, token: issued.token, customer_id: customer.id, template_id: tpl.id, variables: typedValues() },
        };
      }
      const { data } = await api('POST', '/api/sms/send', pending.body, { idempotencyKey: pending.key });
      pending = null;
      clear(result).append(h('div', { class: 'alert ok' }, t('send.accepted'), ' ', badge(data.status), ' ',
        h('a', { href: '#/messages/' + data.id, id: 'sent-message-link' }, t('send.viewMessage', { id: data.id }))));
    } catch (error) {
      // A network failure or a busy service may be retried with the same key; anything else was refused.
      if (!(error.status === 0 || error.status === 503 || error.status === 429)) pending = null;
      showError(message, error);
      if (error.status === 0) message.append(' ', t('send.retrySafe'));
    } finally {
      busy = false;
      sendButton.disabled = false;
    }
  });

  ctx.main.append(h('h1', {}, t('send.title')), message, searchForm, picked, form, result);
  const preset = ctx.id('customer');
  if (preset) await choose(preset);
  else search.focus();
}
