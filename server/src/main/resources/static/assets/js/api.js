// The console is a client of the public JSON API: same origin, session cookie, and the CSRF cookie
// (csrftoken by default) sent back in the CSRF header (X-CSRFToken) on every unsafe request, as every
// other client does. Both names are the server's settings, read from the page (settings.js).
import { setting } from './settings.js';

export class ApiError extends Error {
  constructor(status, problem, headers) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }

  /** The last part of the problem type: urn:sms:problem:session-expired -> session-expired. */
  get slug() {
    return String(this.problem.type || '').split(':').pop();
  }

  get retryAfter() {
    const value = this.headers && this.headers.get('Retry-After');
    return value ? Number(value) : null;
  }
}

let onUnauthenticated = () => {};
export function whenUnauthenticated(handler) {
  onUnauthenticated = handler;
}

let onPasswordChangeRequired = () => {};
export function whenPasswordChangeRequired(handler) {
  onPasswordChangeRequired = handler;
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

export async function api(method, path, body, options = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = cookie(setting('csrf-cookie'));
    if (token) headers[setting('csrf-header')] = token;
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { type: 'network', title: 'Network error' }, null);
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' && data.type ? data
      : { type: 'http-' + response.status, title: response.statusText, status: response.status };
    const error = new ApiError(response.status, problem, response.headers);
    if (response.status === 401 && !options.allow401) onUnauthenticated(error);
    if (response.status === 403 && error.slug === 'password-change-required') onPasswordChangeRequired(error);
    throw error;
  }
  return { data, headers: response.headers };
}

export const get = (path, options) => api('GET', path, undefined, options).then((r) => r.data);

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}
