// Fault injection: the three ways to ask, step sequencing, and every step's wire behaviour.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { getUrl, sandboxFor } from './helpers.mjs';

let server;
let base;
before(async () => {
  server = await sandboxFor({ size: 400 });
  base = server.url;
});
after(() => server.close());

const status = async (path, init) => (await fetch(base + path, init)).status;
const searchInit = (extra = {}) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...extra }, body: 'searchType[]=organizations&indexStep=5' });

/** A raw GET that reports how the exchange ended, for the faults that break the connection. */
function rawGet(url) {
  return new Promise((resolve) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': 'identity' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ outcome: 'ended', headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', () => resolve({ outcome: 'aborted', headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('aborted', () => resolve({ outcome: 'aborted', headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', (error) => resolve({ outcome: 'error', error }));
    req.end();
  });
}

describe('asking for a fault', () => {
  test('path prefix, query parameter and header are equivalent; steps advance per key, the last repeats', async () => {
    const byPath = [];
    for (let index = 0; index < 4; index++) byPath.push(await status('/__fault/seq-path/503,503,ok/api/organization/get/limit/1'));
    const byQuery = [];
    for (let index = 0; index < 4; index++) byQuery.push(await status('/api/organization/get?limit=1&__fault=503,503,ok&__faultKey=seq-query'));
    const byHeader = [];
    for (let index = 0; index < 4; index++) byHeader.push(await status('/api/organization/get?limit=1', { headers: { 'x-cc-fault': '503,503,ok', 'x-cc-fault-key': 'seq-header' } }));
    assert.deepEqual(byPath, [503, 503, 200, 200]);
    assert.deepEqual(byQuery, byPath);
    assert.deepEqual(byHeader, byPath);
  });

  test('a single step repeats forever; without a key the spec itself is the key', async () => {
    assert.deepEqual([await status('/api/event/get?__fault=502'), await status('/api/event/get?__fault=502'), await status('/api/event/get?__fault=502')], [502, 502, 502]);
    assert.equal(await status('/api/event/get?__fault=504,ok'), 504);
    assert.equal(await status('/api/event/get', { headers: { 'x-cc-fault': '504,ok' } }), 200, 'same spec, same default key: the second request plays "ok"');
  });

  test('the faulted request sees the clean URL, and the log records the step played', async () => {
    await fetch(`${base}/__sandbox/log`, { method: 'DELETE' });
    const ok = await getUrl(base, '/__fault/clean/ok/api/organization/get/limit/2?__fault=500');
    assert.equal(ok.status, 200, 'the path prefix wins; its query __fault is stripped');
    assert.equal(ok.body.meta.next, `${base}/api/organization/get/limit/2/index/2`);
    await fetch(`${base}/api/organization/get?__fault=500&__faultKey=logged`);
    const { body } = await getUrl(base, '/__sandbox/log');
    assert.deepEqual(body.map((entry) => [entry.path, entry.query, entry.fault, entry.key]), [
      ['/api/organization/get/limit/2', '', 'ok', 'clean'],
      ['/api/organization/get', '', '500', 'logged'],
    ]);
  });

  test('an unknown step is a 400; housekeeping routes are never faulted; DELETE /__sandbox/faults resets', async () => {
    assert.equal(await status('/api/event/get?__fault=explode'), 400);
    assert.equal(await status('/__sandbox/health?__fault=503'), 200);
    await status('/api/event/get?__fault=500,ok&__faultKey=reset-me');
    assert.equal((await getUrl(base, '/__sandbox/faults')).body['reset-me'], 1);
    await fetch(`${base}/__sandbox/faults`, { method: 'DELETE' });
    assert.equal(await status('/api/event/get?__fault=500,ok&__faultKey=reset-me'), 500, 'the script starts again');
  });
});

describe('steps', () => {
  test('5xx answer the HTML error page', async () => {
    for (const code of [500, 502, 503, 504]) {
      const response = await getUrl(base, `/api/event/get?__fault=${code}&__faultKey=page${code}`);
      assert.equal(response.status, code);
      assert.match(response.headers.get('content-type'), /^text\/html/);
      assert.match(response.text, new RegExp(`ERREUR ${code}`));
    }
  });

  test('Retry-After: seconds, HTTP-date, or none', async () => {
    const seconds = await fetch(`${base}/api/event/get?__fault=503:30&__faultKey=ra1`);
    assert.equal(seconds.headers.get('retry-after'), '30');
    assert.equal(seconds.headers.get('access-control-expose-headers'), 'Retry-After', 'readable cross-origin in "all" mode');
    const limited = await fetch(`${base}/api/event/get?__fault=429:120&__faultKey=ra2`);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '120');
    const dated = await fetch(`${base}/api/event/get?__fault=429:date:60&__faultKey=ra3`);
    const ahead = (Date.parse(dated.headers.get('retry-after')) - Date.now()) / 1000;
    assert.ok(ahead > 55 && ahead <= 61, `${ahead}s ahead`);
    const bare = await fetch(`${base}/api/event/get?__fault=429&__faultKey=ra4`);
    assert.equal(bare.status, 429);
    assert.equal(bare.headers.get('retry-after'), null);
  });

  test('html and htmljson: a 200 maintenance page, the second one lying about its type', async () => {
    const page = await getUrl(base, '/api/event/get?__fault=html');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    const lying = await fetch(`${base}/co2/search/globalautocomplete?__fault=htmljson`, searchInit());
    assert.equal(lying.status, 200);
    assert.match(lying.headers.get('content-type'), /^application\/json/);
    await assert.rejects(lying.json(), SyntaxError);
  });

  test('truncated: the real body cut in half, correctly framed', async () => {
    const full = await (await fetch(`${base}/co2/search/globalautocomplete`, searchInit({ 'accept-encoding': 'identity' }))).text();
    const cut = await fetch(`${base}/co2/search/globalautocomplete?__fault=truncated`, searchInit({ 'accept-encoding': 'identity' }));
    assert.equal(cut.status, 200);
    assert.equal(Number(cut.headers.get('content-length')), Math.floor(full.length / 2));
    const text = await cut.text();
    assert.ok(full.startsWith(text));
    assert.throws(() => JSON.parse(text), SyntaxError);
  });

  test('reset: headers and part of the body, then the socket is destroyed', async () => {
    const outcome = await rawGet(`${base}/api/organization/get?__fault=reset`);
    assert.notEqual(outcome.outcome, 'ended');
    if (outcome.headers) assert.ok(outcome.body.length < Number(outcome.headers['content-length']));
    await assert.rejects(fetch(`${base}/api/organization/get?__fault=reset&__faultKey=reset2`).then((response) => response.text()));
  });

  test('empty, nulljson', async () => {
    const empty = await getUrl(base, '/api/event/get?__fault=empty');
    assert.equal(empty.status, 200);
    assert.match(empty.headers.get('content-type'), /^application\/json/);
    assert.equal(empty.text, '');
    const nothing = await getUrl(base, '/api/event/get?__fault=nulljson');
    assert.equal(nothing.text, 'null');
  });

  test('array: results (or entities) as a list, same items in the same order', async () => {
    const normal = await (await fetch(`${base}/co2/search/globalautocomplete`, searchInit())).json();
    const listed = await (await fetch(`${base}/co2/search/globalautocomplete?__fault=array`, searchInit())).json();
    assert.ok(Array.isArray(listed.results));
    assert.deepEqual(listed.results, Object.values(normal.results));
    const api = await getUrl(base, '/api/organization/get/limit/3?__fault=array');
    assert.ok(Array.isArray(api.body.entities) && api.body.entities.length === 3);
  });

  test('slow:MS delays the normal answer', async () => {
    const started = performance.now();
    const response = await fetch(`${base}/api/organization/get/limit/1?__fault=slow:300`);
    assert.equal(response.status, 200);
    assert.ok(performance.now() - started >= 290);
    await response.json();
  });

  test('hang never answers, and lets go when the client does', async () => {
    await assert.rejects(fetch(`${base}/api/organization/get?__fault=hang`, { signal: AbortSignal.timeout(300) }));
    assert.equal(await status('/api/organization/get/limit/1'), 200, 'other requests are unaffected');
  });

  test('huge:MB streams about MB megabytes of valid JSON with a Content-Length', async () => {
    const response = await fetch(`${base}/co2/search/globalautocomplete?__fault=huge:2`, searchInit({ 'accept-encoding': 'identity' }));
    const length = Number(response.headers.get('content-length'));
    assert.ok(length > 1_900_000 && length <= 2_000_000, `${length} bytes`);
    const text = await response.text();
    assert.equal(text.length, length);
    const body = JSON.parse(text);
    assert.ok(Object.keys(body.results).length > 500);
    assert.equal(Object.values(body.results)[0].type, 'organizations');
  });

  test('hugeheader:MB streams the same without a Content-Length (only a byte count can cap it)', async () => {
    const response = await fetch(`${base}/api/organization/get?__fault=hugeheader:1`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(response.headers.get('content-length'), null);
    assert.equal(response.headers.get('transfer-encoding'), 'chunked');
    const reader = response.body.getReader();
    const first = await reader.read();
    assert.ok(first.value.length > 0, 'the first bytes come at once');
    let total = first.value.length;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
    }
    assert.ok(total > 900_000 && total <= 1_000_000);
  });
});
