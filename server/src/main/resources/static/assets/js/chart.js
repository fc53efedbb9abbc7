// Small SVG charts (no library): bars per minute and lines over samples. Each chart has a text
// alternative (role=img + aria-label) with the latest figures.
import { h, s } from './dom.js';

const W = 720;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

function frame(label, maxValue, xLabels) {
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label });
  const plotH = H - PAD.top - PAD.bottom;
  for (const fraction of [0, 0.5, 1]) {
    const y = PAD.top + plotH * (1 - fraction);
    svg.append(s('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, opacity: fraction ? 0.3 : 1 }));
    svg.append(s('text', { x: PAD.left - 6, y: y + 4, 'text-anchor': 'end' }, niceNumber(maxValue * fraction)));
  }
  const plotW = W - PAD.left - PAD.right;
  xLabels.forEach((text, i) => {
    if (!text) return;
    const x = PAD.left + (plotW * (i + 0.5)) / xLabels.length;
    svg.append(s('text', { x, y: H - 8, 'text-anchor': 'middle' }, text));
  });
  return svg;
}

function niceNumber(value) {
  if (value >= 1000) return (value / 1000).toFixed(value >= 10000 ? 0 : 1) + 'k';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function scaleMax(values) {
  const max = Math.max(1, ...values.filter(Number.isFinite));
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / magnitude) * magnitude;
}

/** Bars: points = [{label, values: [a, b, ...]}], series = [{name}]; the series are drawn side by side. */
export function barChart(label, points, series) {
  const max = scaleMax(points.flatMap((p) => p.values));
  const svg = frame(label, max, points.map((p) => p.label));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(points.length, 1);
  const bar = Math.max(1, (slot * 0.8) / series.length);
  points.forEach((point, i) => {
    point.values.forEach((value, k) => {
      const height = (plotH * value) / max;
      svg.append(s('rect', {
        class: 's' + k, x: PAD.left + slot * i + slot * 0.1 + bar * k, y: PAD.top + plotH - height,
        width: bar, height,
      }));
    });
  });
  return h('figure', { class: 'chart-figure' }, svg, legend(series));
}

/** Lines: series = [{name, values: [...]}] over the same samples, oldest first. */
export function lineChart(label, series, xLabels) {
  const max = scaleMax(series.flatMap((one) => one.values));
  const svg = frame(label, max, xLabels);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  series.forEach((one, k) => {
    const n = one.values.length;
    const points = one.values.map((value, i) => {
      const x = PAD.left + (plotW * (i + 0.5)) / Math.max(n, 1);
      const y = PAD.top + plotH - (plotH * (Number.isFinite(value) ? value : 0)) / max;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    });
    if (points.length) svg.append(s('path', { class: 's' + k, d: 'M' + points.join('L') }));
  });
  return h('figure', { class: 'chart-figure' }, svg, legend(series));
}

function legend(series) {
  return h('ul', { class: 'legend' }, series.map((one, k) => h('li', {}, h('span', { class: 'sw s' + k }), one.name)));
}
