import { get } from '../api.js';
import { h, clear, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { barChart } from '../chart.js';
import { alertBox, badge, showError } from '../ui.js';

export async function dashboardView(ctx) {
  const message = alertBox();
  const cards = h('div', { class: 'cards', 'aria-live': 'polite' });
  const chart = h('div', { id: 'per-minute' });
  const updated = h('p', { class: 'hint' });
  ctx.main.append(h('h1', {}, t('dashboard.title')), message, cards,
    h('h2', {}, t('dashboard.perMinute')), chart, updated);

  async function refresh() {
    try {
      const [stats, health] = await Promise.all([get('/api/sms/stats'), providerHealth()]);
      if (!ctx.alive()) return;
      clear(message);
      const card = (key, value, extra) => h('div', { class: 'card', 'data-figure': key },
        h('div', { class: 'label' }, t('dashboard.' + key)), h('div', { class: 'value' }, value, extra || ''));
      const d = stats.today;
      const sentToday = d.sent + d.delivered + d.undelivered + d.unknown;
      const seconds = (v) => v == null ? '-' : t('common.seconds', { n: v < 10 ? v.toFixed(1) : Math.round(v) });
      const spend = 'USD ' + Number(stats.spend_usd).toFixed(2);
      const budget = stats.budget_usd == null ? null : Number(stats.budget_usd);
      const used = budget ? Number(stats.spend_usd) / budget : 0;
      const spendCard = card('spend', budget == null ? spend : t('dashboard.ofBudget', { spend, budget: budget.toFixed(2) }),
        budget != null && used >= 0.8 ? h('span', { class: 'badge down', role: 'status' },
          t('dashboard.budgetWarning', { percent: Math.round(used * 100) })) : '');
      clear(cards).append(
        card('sent', sentToday),
        card('deliveredShare', stats.delivered_share == null ? '-' : Math.round(stats.delivered_share * 1000) / 10 + ' %'),
        card('deliveryTime', seconds(stats.delivery_p50_seconds) + ' / ' + seconds(stats.delivery_p95_seconds)),
        spendCard,
        card('failed', stats.today.failed),
        card('queued', stats.today.queued + stats.today.sending),
        card('queueDepth', stats.queue_depth),
        card('oldestAge', t('common.seconds', { n: Math.round(stats.oldest_queued_age_seconds) })),
        card('provider', '', badge(health)));
      const points = stats.per_minute.map((m, i) => ({
        label: i % 10 === 0 ? formatTime(m.minute, false).slice(11) : '',
        values: [m.accepted, m.sent, m.failed],
      }));
      const last = stats.per_minute[stats.per_minute.length - 1] || { accepted: 0, sent: 0, failed: 0 };
      clear(chart).append(barChart(
        t('dashboard.chartLabel', { accepted: last.accepted, sent: last.sent, failed: last.failed }),
        points,
        [{ name: t('dashboard.accepted') }, { name: t('status.sent') }, { name: t('status.failed') }]));
      clear(updated).append(t('dashboard.updated', { time: formatTime(stats.sampled_at) }));
    } catch (error) {
      if (ctx.alive()) showError(message, error);
    }
  }
  await refresh();
  ctx.every(5000, refresh);
}

/** up or down, from the actuator health of the SMS provider (staff see its details). */
async function providerHealth() {
  try {
    const response = await fetch('/actuator/health', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const body = await response.json();
    const provider = body.components && body.components.smsProvider;
    return provider && provider.status === 'UP' ? 'up' : 'down';
  } catch (e) {
    return 'down';
  }
}
