// HTTP behaviour: CORS modes, preflight refusal, error pages, compression, mounting, housekeeping, images.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { createSandbox } from '../index.mjs';
import { NOW, getUrl, postForm, sandboxFor } from './helpers.mjs';

/** A raw request, so the test sees the bytes and headers as sent (fetch would decompress). */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('CORS modes', () => {
  const servers = {};
  before(async () => {
    servers.all = await sandboxFor({ size: 300 });
    servers.none = await sandboxFor({ size: 300, cors: 'none' });
    servers.real = await sandboxFor({ size: 300, cors: 'real' });
  });
  after(() => Promise.all(Object.values(servers).map((server) => server.close())));

  const acao = async (server, path, init = {}) => (await fetch(server.url + path, init)).headers.get('access-control-allow-origin');
  const searchInit = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'searchType[]=events' };

  test('"all": every response, errors included', async () => {
    assert.equal(await acao(servers.all, '/co2/search/globalautocomplete', searchInit), '*');
    assert.equal(await acao(servers.all, '/api/event/get'), '*');
    assert.equal(await acao(servers.all, '/nowhere'), '*');
  });

  test('"none": never, except the sandbox housekeeping routes', async () => {
    assert.equal(await acao(servers.none, '/co2/search/globalautocomplete', searchInit), null);
    assert.equal(await acao(servers.none, '/api/organization/get'), null);
    assert.equal(await acao(servers.none, '/__sandbox/health'), '*');
  });

  test('"real": only where the 2018 code sends it', async () => {
    const org = servers.real.data.collections.organizations[0];
    assert.equal(await acao(servers.real, '/api/organization/get'), '*');
    assert.equal(await acao(servers.real, '/api/organization/get/id/bad'), '*', 'the header is sent before the error');
    assert.equal(await acao(servers.real, '/co2/data/get/type/organizations'), '*');
    assert.equal(await acao(servers.real, '/api/event/get'), null);
    assert.equal(await acao(servers.real, '/api/project/get'), null);
    assert.equal(await acao(servers.real, '/co2/search/globalautocomplete', searchInit), null);
    assert.equal(await acao(servers.real, `/co2/slug/getinfo/key/${org.doc.slug}`), null);
    const image = `/upload/communecter/organizations/${org.id}/thumb/profil-resized.png`;
    assert.equal(await acao(servers.real, image, { headers: { origin: 'https://example.org' } }), '*', 'images get it when an Origin is sent');
    assert.equal(await acao(servers.real, image), null);
  });

  test('OPTIONS (a preflight) is refused with 405 and no CORS header, in every mode', async () => {
    for (const server of Object.values(servers)) {
      const response = await fetch(`${server.url}/co2/search/globalautocomplete`, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      assert.equal(response.status, 405);
      for (const name of response.headers.keys()) assert.ok(!name.startsWith('access-control-'), name);
    }
  });
});

describe('responses', () => {
  let server;
  before(async () => {
    server = await sandboxFor({ size: 300 });
  });
  after(() => server.close());

  test('unknown routes answer a 404 HTML page', async () => {
    const response = await getUrl(server.url, '/co2/nothing/here');
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type'), /^text\/html/);
    assert.match(response.text, /ERREUR 404/);
  });

  test('JSON is gzip-compressed when accepted, with the right framing; API answers are not cached', async () => {
    const plain = await rawGet(`${server.url}/api/organization/get/limit/20`, { 'accept-encoding': 'identity' });
    const zipped = await rawGet(`${server.url}/api/organization/get/limit/20`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
    assert.equal(gunzipSync(zipped.body).toString(), plain.body.toString());
    assert.equal(plain.headers['cache-control'], 'no-store');
    assert.equal(plain.headers['content-type'], 'application/json; charset=utf-8');
    assert.ok(/^[\x00-\x7f]*$/.test(plain.body.toString('latin1')), 'json_encode output is pure ASCII');
  });

  test('images: deterministic SVG whatever the extension, cached a day, query strings ignored', async () => {
    const org = server.data.collections.organizations.find((entry) => typeof entry.doc.name === 'string');
    const path = `/upload/communecter/organizations/${org.id}/thumb/profil-resized.png`;
    const first = await rawGet(`${server.url}${path}?t=1700000000`, { 'accept-encoding': 'identity' });
    const second = await rawGet(`${server.url}${path}?_=42`, { 'accept-encoding': 'identity' });
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-type'], 'image/svg+xml');
    assert.equal(first.headers['cache-control'], 'public, max-age=86400');
    assert.match(first.body.toString(), /^<svg [^>]*width="50" height="50"/);
    assert.equal(first.body.toString(), second.body.toString());
    for (const variant of ['logo.png', 'medium/photo.jpg', 'thumb/profil-marker.png', encodeURIComponent('Capture d’écran.png')]) {
      assert.equal((await rawGet(`${server.url}/upload/communecter/organizations/${org.id}/${variant}`)).status, 200, variant);
    }
  });

  test('images: /null/ paths and unknown ids are 404', async () => {
    const org = server.data.collections.organizations[0];
    assert.equal((await rawGet(`${server.url}/upload/communecter/organizations/null/logo.png`)).status, 404);
    assert.equal((await rawGet(`${server.url}/upload/communecter/organizations/${org.id}/null/logo.png`)).status, 404);
    assert.equal((await rawGet(`${server.url}/upload/communecter/organizations/000000000000000000000000/logo.png`)).status, 404);
    assert.equal((await rawGet(`${server.url}/upload/communecter/events/${org.id}/logo.png`)).status, 404, 'the id must belong to that collection');
  });

  test('the SVG escapes hostile names', async () => {
    const hostile = server.data.hostileCases.find((item) => item.label === 'name-script-close');
    const svg = (await rawGet(`${server.url}/upload/communecter/organizations/${hostile.id}/logo.png`)).body.toString();
    assert.ok(!svg.includes('<script'));
  });
});

describe('housekeeping', () => {
  let server;
  before(async () => {
    server = await sandboxFor({ size: 300, cors: 'none' });
  });
  after(() => server.close());

  test('health reports the counts and options', async () => {
    const { body } = await getUrl(server.url, '/__sandbox/health');
    assert.equal(body.ok, true);
    assert.equal(body.counts.organizations, server.data.collections.organizations.length);
    assert.equal(body.options.now, new Date(NOW).toISOString());
  });

  test('the log records requests (filterable by key) and DELETE clears it', async () => {
    await fetch(`${server.url}/__sandbox/log`, { method: 'DELETE' });
    await postForm(server.url, '/co2/search/globalautocomplete', 'searchType[]=events&indexStep=1');
    await getUrl(server.url, '/__fault/k1/ok/api/event/get?limit=1');
    await getUrl(server.url, '/__fault/k1/ok/api/event/get?limit=2');
    const { body: all } = await getUrl(server.url, '/__sandbox/log');
    assert.equal(all.length, 3);
    assert.deepEqual(Object.keys(all[0]).sort(), ['body', 'fault', 'key', 'method', 'path', 'query', 'time']);
    assert.equal(all[0].body, 'searchType[]=events&indexStep=1');
    assert.equal(all[0].path, '/co2/search/globalautocomplete');
    const { body: keyed } = await getUrl(server.url, '/__sandbox/log?key=k1');
    assert.deepEqual(keyed.map((entry) => [entry.path, entry.query, entry.fault]), [['/api/event/get', 'limit=1', 'ok'], ['/api/event/get', 'limit=2', 'ok']]);
    const cleared = await fetch(`${server.url}/__sandbox/log`, { method: 'DELETE' });
    assert.equal(cleared.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual((await getUrl(server.url, '/__sandbox/log')).body, []);
  });

  test('the housekeeping routes answer preflights (tests call DELETE from browsers)', async () => {
    const response = await fetch(`${server.url}/__sandbox/log`, { method: 'OPTIONS' });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-methods'), /DELETE/);
  });

  test('hostile cases are listed', async () => {
    const { body } = await getUrl(server.url, '/__sandbox/hostile-cases');
    assert.deepEqual(body, server.data.hostileCases);
  });
});

test('createSandbox().handle mounts in another server and falls through on unknown routes', async () => {
  const sandbox = createSandbox({ size: 200, now: NOW });
  const host = createServer((request, response) => {
    sandbox.handle(request, response, () => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('host page');
    });
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${host.address().port}`;
  try {
    assert.equal(await (await fetch(`${url}/index.html`)).text(), 'host page');
    const api = await fetch(`${url}/api/organization/get/limit/1`);
    assert.equal(Object.keys((await api.json()).entities).length, 1);
  } finally {
    sandbox.dispose();
    await new Promise((resolve) => host.close(resolve));
  }
});

test('latency delays every platform answer', async () => {
  const server = await sandboxFor({ size: 200, latency: 150 });
  try {
    const started = performance.now();
    await getUrl(server.url, '/api/organization/get/limit/1');
    assert.ok(performance.now() - started >= 140);
  } finally {
    await server.close();
  }
});
