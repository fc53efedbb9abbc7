import { get } from '../api.js';
import { h, clear, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { barChart, lineChart } from '../chart.js';
import { alertBox, showError, showInfo } from '../ui.js';

const KEEP = 60;

export async function opsView(ctx) {
  const message = alertBox();
  ctx.main.append(h('h1', {}, t('ops.title')), message);
  if (!ctx.me.is_superuser) {
    showInfo(message, t('ops.superuserOnly'));
    return;
  }
  const cards = h('div', { class: 'cards' });
  const charts = h('div');
  const statements = h('div');
  ctx.main.append(cards, charts, h('h2', {}, t('ops.statements')), statements);
  const samples = [];

  async function refresh() {
    let summary;
    try {
      summary = await get('/api/ops/summary');
    } catch (error) {
      return showError(message, error);
    }
    if (!ctx.alive()) return;
    clear(message);
    samples.push(summary);
    if (samples.length > KEEP) samples.shift();
    const pg = summary.postgres;
    const connections = Object.values(pg.connections_by_state || {}).reduce((a, b) => a + b, 0);
    const card = (key, value) => h('div', { class: 'card' }, h('div', { class: 'label' }, t('ops.' + key)), h('div', { class: 'value' }, value));
    clear(cards).append(
      card('accepted', Math.round(summary.sms.accepted)), card('sent', Math.round(summary.sms.sent)),
      card('queueDepth', summary.sms.queue_depth), card('p95', fixed(summary.http.p95) + ' ms'),
      card('pool', `${summary.pool.active} / ${summary.pool.max}`),
      card('pgConnections', `${connections} / ${pg.max_connections}`),
      card('deadlocks', pg.database.deadlocks), card('cpu', Math.round(summary.jvm.process_cpu_usage * 100) + ' %'));

    const labels = samples.map((s, i) => (i % 10 === 0 ? formatTime(s.sampled_at).slice(11) : ''));
    const perSecond = samples.map((s, i) => {
      if (i === 0) return 0;
      const seconds = (Date.parse(s.sampled_at) - Date.parse(samples[i - 1].sampled_at)) / 1000;
      return seconds > 0 ? Math.max(0, (s.sms.sent - samples[i - 1].sms.sent) / seconds) : 0;
    });
    const latest = (key) => fixed(summary.http[key]);
    clear(charts).append(
      h('h2', {}, t('ops.throughput')),
      lineChart(t('ops.throughputLabel', { n: fixed(perSecond[perSecond.length - 1]) }), [{ name: t('ops.sentPerSecond'), values: perSecond }], labels),
      h('h2', {}, t('ops.latency')),
      lineChart(t('ops.latencyLabel', { p50: latest('p50'), p95: latest('p95'), p99: latest('p99') }),
        ['p50', 'p95', 'p99'].map((p) => ({ name: p + ' ms', values: samples.map((s) => s.http[p] || 0) })), labels),
      h('h2', {}, t('ops.poolAndConnections')),
      barChart(t('ops.poolLabel', { active: summary.pool.active, max: summary.pool.max, connections, maxConnections: pg.max_connections }),
        [{ label: t('ops.pool'), values: [summary.pool.active, summary.pool.idle, summary.pool.max] },
          { label: t('ops.pgConnections'), values: [pg.connections_by_state.active || 0, connections, pg.max_connections] }],
        [{ name: t('ops.active') }, { name: t('ops.inUseOrOpen') }, { name: t('ops.max') }]));
    clear(statements);
    if (!pg.statements_available) {
      statements.append(h('p', { class: 'hint' }, pg.statements_problem));
    } else {
      statements.append(h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, t('ops.statements')),
        h('thead', {}, h('tr', {}, ['query', 'calls', 'mean', 'total'].map((k) => h('th', { scope: 'col' }, t('ops.col.' + k))))),
        h('tbody', {}, pg.slowest_statements.map((st) => h('tr', {},
          h('td', {}, h('code', { class: 'sql' }, st.query)), h('td', {}, st.calls),
          h('td', {}, fixed(st.mean_ms)), h('td', {}, fixed(st.total_ms))))))));
    }
  }
  await refresh();
  ctx.every(5000, refresh);
}

function fixed(value) {
  return Number.isFinite(value) ? value.toFixed(value >= 100 ? 0 : 1) : '-';
}
