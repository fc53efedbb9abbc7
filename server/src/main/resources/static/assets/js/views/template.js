import { api, get } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { setting } from '../settings.js';
import { placeholders, render, smsText } from '../smstext.js';
import { alertBox, clearFieldErrors, confirmDialog, field, showError, showFieldErrors, toast } from '../ui.js';

// The server's sms.templates.max-length, from the page.
export const MAX_UNITS = Number(setting('template-max-length'));

/** The live counter: characters, encoding, carrier units against the limit, segments. */
export function counter() {
  const box = h('div', { class: 'counter', 'aria-live': 'polite', 'data-counter': '' });
  box.update = (text) => {
    const c = smsText(text);
    box.dataset.encoding = c.encoding;
    box.dataset.length = c.length;
    box.dataset.segments = c.segments;
    box.classList.toggle('over', c.length > MAX_UNITS);
    clear(box).append(
      h('span', {}, t('counter.characters', { n: c.characters })),
      h('span', {}, c.encoding),
      h('span', {}, t('counter.units', { n: c.length, max: MAX_UNITS })),
      h('span', {}, t('counter.segments', { n: c.segments })),
      c.length > MAX_UNITS ? h('strong', {}, t('counter.over')) : '');
  };
  return box;
}

export async function templateView(ctx) {
  const [customerId, templateId] = ctx.params;
  const isNew = templateId === 'new';
  const message = alertBox();
  let customer;
  let template = { name: '', content: '' };
  try {
    customer = await get('/api/customers/' + customerId);
    if (!isNew) template = await get(`/api/customers/${customerId}/templates/${templateId}`);
  } catch (error) {
    ctx.main.append(h('h1', {}, t('templates.title')), message);
    showError(message, error);
    return;
  }
  const name = h('input', { name: 'name', value: template.name, autocomplete: 'off', required: true });
  const content = h('textarea', { name: 'content', required: true, rows: 6 });
  content.value = template.content;
  const count = counter();
  const vars = h('ul', { id: 'template-variables' });
  const preview = h('div', { class: 'preview', id: 'template-preview' });
  const submit = h('button', { type: 'submit' }, t('common.save'));
  const builtIns = { customer_name: customer.name || '', phone_number: customer.phone_number_e164 };

  function update() {
    count.update(content.value);
    const names = placeholders(content.value);
    clear(vars).append(...(names.length ? names : [null]).map((n) => h('li', {}, n === null ? t('templates.noVariables')
      : [h('code', {}, `{{${n}}}`), ' ', n in builtIns ? t('templates.builtIn', { value: builtIns[n] }) : t('templates.perSend')])));
    clear(preview).append(render(content.value, builtIns));
  }
  content.addEventListener('input', update);
  update();

  const form = h('form', { class: 'panel', novalidate: true },
    field('template-name', t('templates.name'), name),
    field('template-content', t('templates.content'), content, t('templates.contentHint')),
    count,
    h('h2', {}, t('templates.variables')), vars,
    h('h2', {}, t('templates.preview')), preview,
    h('div', { class: 'actions' }, submit,
      isNew ? '' : h('button', { type: 'button', class: 'danger', onclick: remove }, t('common.delete')),
      h('a', { href: '#/customers/' + customerId }, t('common.back'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    clear(message);
    submit.disabled = true;
    try {
      const body = { name: name.value, content: content.value };
      const { data } = isNew
        ? await api('POST', `/api/customers/${customerId}/templates`, body)
        : await api('PUT', `/api/customers/${customerId}/templates/${templateId}`, body);
      toast(t('templates.saved', { name: data.name }));
      ctx.go(`#/customers/${customerId}/templates/${data.id}`);
    } catch (error) {
      if (error.slug === 'template-name-taken') {
        showFieldErrors(form, { problem: { errors: { name: [t('problem.template-name-taken')] } } });
      } else if (!showFieldErrors(form, error)) {
        showError(message, error);
      }
    } finally {
      submit.disabled = false;
    }
  });

  async function remove() {
    if (!(await confirmDialog(t('templates.confirmDelete', { name: template.name }), t('common.delete')))) return;
    try {
      await api('DELETE', `/api/customers/${customerId}/templates/${templateId}`);
      toast(t('templates.deleted', { name: template.name }));
      ctx.go('#/customers/' + customerId);
    } catch (error) {
      showError(message, error);
    }
  }

  ctx.main.append(
    h('h1', {}, isNew ? t('templates.newTitle') : t('templates.editTitle', { name: template.name })),
    h('p', {}, h('a', { href: '#/customers/' + customerId }, customer.name || customer.phone_number_e164)),
    message, form);
}
