// Shared test plumbing: one sandbox per test file, and small request helpers.
import { after, before } from 'node:test';
import { startSandbox } from '../index.mjs';

/** The fixed reference date every test uses, so dates and labels are stable. */
export const NOW = '2026-12-01T00:00:00Z';
export const NOW_SEC = Date.parse(NOW) / 1000;

/** @param {Parameters<typeof startSandbox>[0]} [options] */
export function sandboxFor(options = {}) {
  return startSandbox({ port: 0, now: NOW, hostile: true, ...options });
}

/**
 * One sandbox for the test file: started before its tests, closed after them. `ready` receives it
 * (its url and data) once started.
 * @param {(sandbox: Awaited<ReturnType<typeof sandboxFor>>) => void} ready
 */
export function useSandbox(ready, options = {}) {
  let server;
  before(async () => {
    server = await sandboxFor(options);
    ready(server);
  });
  after(() => server.close());
}

/** Form-encodes like a browser's URLSearchParams (brackets percent-encoded), or passes a raw string through. */
export function formBody(fields) {
  if (typeof fields === 'string') return fields;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  return params.toString();
}

/**
 * POSTs a form and returns status, headers and parsed JSON (or raw text when it is not JSON).
 * @param {string} base
 * @param {string} path
 * @param {Record<string, unknown> | string} fields
 */
export async function postForm(base, path, fields, headers = {}) {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: formBody(fields),
  });
  return readResponse(response);
}

export async function getUrl(base, path, headers = {}) {
  return readResponse(await fetch(base + path, { headers }));
}

async function readResponse(response) {
  const text = await response.text();
  let body = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** globalautocomplete with the given fields; returns the parsed body. */
export async function search(base, fields) {
  const response = await postForm(base, '/co2/search/globalautocomplete', fields);
  if (response.status !== 200) throw new Error(`search failed: ${response.status} ${response.text.slice(0, 200)}`);
  return response.body;
}

/** Results as an array of [id, item] whatever the container. */
export const resultEntries = (body) => (Array.isArray(body.results) ? body.results.map((item) => [item.id ?? item._id?.$id, item]) : Object.entries(body.results));
