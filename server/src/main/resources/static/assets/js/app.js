// The staff console: a hash router over the screens, the header, and the session. Every screen
// talks to the same public JSON API as any other client.
import { api, whenPasswordChangeRequired, whenUnauthenticated } from './api.js';
import { h, clear } from './dom.js';
import { t, lang, setLang } from './i18n.js';
import { loginView } from './views/login.js';
import { dashboardView } from './views/dashboard.js';
import { customersView, customerView } from './views/customers.js';
import { templateView } from './views/template.js';
import { sendView } from './views/send.js';
import { historyView, messageView } from './views/history.js';
import { opsView } from './views/ops.js';
import { passwordView } from './views/password.js';
import { teamView } from './views/team.js';
import { auditView } from './views/audit.js';

const routes = [
  { path: /^\/login$/, view: loginView, public: true },
  { path: /^\/$/, view: dashboardView, nav: 'dashboard' },
  { path: /^\/customers$/, view: customersView, nav: 'customers' },
  { path: /^\/customers\/(\d+)$/, view: customerView, nav: 'customers' },
  { path: /^\/customers\/(\d+)\/templates\/(new|\d+)$/, view: templateView, nav: 'customers' },
  { path: /^\/send$/, view: sendView, nav: 'send' },
  { path: /^\/history$/, view: historyView, nav: 'history' },
  { path: /^\/messages\/(\d+)$/, view: messageView, nav: 'history' },
  { path: /^\/ops$/, view: opsView, nav: 'ops' },
  { path: /^\/password$/, view: passwordView, nav: 'password' },
  { path: /^\/team$/, view: teamView, nav: 'team' },
  { path: /^\/audit$/, view: auditView, nav: 'audit' },
];

const state = { me: null, cleanups: [], generation: 0 };

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search] = raw.split('?');
  return { path: path || '/', query: new URLSearchParams(search || ''), raw };
}

export function go(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

// An expired or revoked session: remember where the user was and why, and show the login page.
whenUnauthenticated((error) => {
  if (!state.me && parseHash().path === '/login') return;
  state.me = null;
  const here = parseHash();
  if (here.path !== '/login') sessionStorage.setItem('hato.next', '#' + here.raw);
  sessionStorage.setItem('hato.reason', error.slug);
  go('#/login');
});

// Someone else set the password (a superuser's add or reset): the change screen, whatever was asked.
whenPasswordChangeRequired(() => {
  if (state.me) state.me.must_change_password = true;
  go('#/password');
});

export function loggedIn(me) {
  state.me = me;
  const next = sessionStorage.getItem('hato.next');
  sessionStorage.removeItem('hato.next');
  sessionStorage.removeItem('hato.reason');
  go(next && !next.startsWith('#/login') ? next : '#/');
}

async function logout() {
  try {
    await api('POST', '/api/auth/logout', undefined, { allow401: true });
  } catch (e) {
    // Logged out either way: the session may have ended already.
  }
  state.me = null;
  sessionStorage.removeItem('hato.next');
  go('#/login');
}

function header(active) {
  const top = clear(document.getElementById('top'));
  const bar = h('div', { class: 'bar' });
  bar.append(h('a', { class: 'skip', href: '#main', onclick: (e) => { e.preventDefault(); document.getElementById('main').focus(); } }, t('nav.skip')));
  bar.append(h('span', { class: 'brand' }, 'Hato SMS'));
  if (state.me) {
    const items = [['dashboard', '#/'], ['customers', '#/customers'], ['send', '#/send'], ['history', '#/history']];
    if (state.me.is_superuser) items.push(['team', '#/team'], ['audit', '#/audit'], ['ops', '#/ops']);
    bar.append(h('nav', { 'aria-label': t('nav.label') }, h('ul', {}, items.map(([key, href]) =>
      h('li', {}, h('a', { href, 'aria-current': key === active ? 'page' : null }, t('nav.' + key)))))));
  }
  const who = h('div', { class: 'who' });
  who.append(h('button', { type: 'button', lang: lang() === 'ja' ? 'en' : 'ja', onclick: () => { setLang(lang() === 'ja' ? 'en' : 'ja'); render(); } },
    lang() === 'ja' ? 'English' : '日本語'));
  if (state.me) {
    who.append(h('span', {}, (state.me.profile && state.me.profile.full_name) || state.me.username));
    who.append(h('a', { href: '#/password', 'aria-current': active === 'password' ? 'page' : null }, t('nav.password')));
    who.append(h('button', { type: 'button', onclick: logout }, t('nav.logout')));
  }
  bar.append(who);
  top.append(bar);
}

async function render() {
  state.cleanups.forEach((fn) => fn());
  state.cleanups = [];
  const generation = ++state.generation;
  const { path, query } = parseHash();
  const route = routes.find((r) => r.path.test(path));
  const main = clear(document.getElementById('main'));
  window.scrollTo(0, 0);
  document.documentElement.lang = lang();
  if (!route) {
    header(null);
    main.append(h('h1', {}, t('common.notFound')), h('p', {}, h('a', { href: '#/' }, t('nav.dashboard'))));
    return;
  }
  if (!route.public && !state.me) {
    try {
      state.me = (await api('GET', '/api/auth/me')).data;
    } catch (e) {
      return; // the unauthenticated handler has moved to the login page
    }
  }
  if (generation !== state.generation) return;
  // A password someone else chose: the change screen first (the API refuses everything else anyway).
  if (state.me && state.me.must_change_password && !route.public && route.view !== passwordView) {
    go('#/password');
    return;
  }
  header(route.nav);
  const context = {
    main, query, me: state.me, params: path.match(route.path).slice(1),
    // An id from the query, or null: a value that is not one (customer=../ops/summary) must never
    // become part of an API path.
    id: (name) => (/^\d{1,18}$/.test(query.get(name) || '') ? query.get(name) : null),
    alive: () => generation === state.generation,
    every: (ms, fn) => {
      const id = setInterval(() => { if (!document.hidden) fn(); }, ms);
      state.cleanups.push(() => clearInterval(id));
    },
    go, loggedIn,
  };
  await route.view(context);
  if (generation !== state.generation) return;
  const title = main.querySelector('h1');
  document.title = (title ? title.textContent + ' - ' : '') + 'Hato SMS';
  if (!main.contains(document.activeElement) || document.activeElement === document.body) main.focus({ preventScroll: true });
  // When the first screen is complete (data loaded): the browser test reads it as the first-render figure.
  if (!performance.getEntriesByName('hato-first-screen').length) performance.mark('hato-first-screen');
}

window.addEventListener('hashchange', render);
render();
