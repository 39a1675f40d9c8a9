// GET /tiles/{z}/{x}/{y}.svg: the stand-in for OpenStreetMap's tiles (routes/tiles.mjs).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getUrl, sandboxFor, useSandbox } from './helpers.mjs';
import { renderTile } from '../routes/tiles.mjs';

let base;
useSandbox((server) => {
  base = server.url;
});

/** The XYZ tile holding a point (Web Mercator, as Leaflet and OSM number them). */
function tileOf(lat, lng, z) {
  const phi = (lat * Math.PI) / 180;
  return [z, Math.floor(((lng + 180) / 360) * 2 ** z), Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 2 ** z)];
}
const tilePath = ([z, x, y]) => `/tiles/${z}/${x}/${y}.svg`;
const LAND_PATH = /<path d="M[^"]+" fill="#f2efe9"/;

describe('tiles', () => {
  test('a tile is a 256 px SVG with CORS "*", a long cache lifetime and no cookie', async () => {
    const response = await getUrl(base, tilePath(tileOf(-21.1, 55.5, 10)));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('cache-control'), /^public, max-age=\d{4,}/);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.match(response.text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="256" height="256" viewBox="0 0 256 256">/);
    assert.match(response.text, /<\/svg>$/);
  });

  test('land where there is land, sea where there is none', async () => {
    const island = await getUrl(base, tilePath(tileOf(-21.1, 55.5, 10)));
    assert.match(island.text, LAND_PATH, 'La Réunion at zoom 10 has land');
    const inland = await getUrl(base, tilePath(tileOf(50.3, 2.8, 12)));
    assert.match(inland.text, LAND_PATH, 'Arras at zoom 12 is land');
    const ocean = await getUrl(base, tilePath(tileOf(-25, 70, 10)));
    assert.doesNotMatch(ocean.text, LAND_PATH, 'the middle of the Indian Ocean is sea');
    assert.match(ocean.text, /fill="#aad3df"/);
    const world = await getUrl(base, '/tiles/0/0/0.svg');
    assert.match(world.text, LAND_PATH);
  });

  test('a lake held as a hole stays open where the land was cut into pieces (nonzero winding 0 all along it)', () => {
    // The Caspian Sea along 50.6° E, from 38.5° to 44° N (sea all the way), at zooms 3 to 6.
    const winding = (svg, px, py) => {
      const d = /<path d="([^"]+)" fill="#f2efe9"/.exec(svg)?.[1] ?? '';
      let total = 0;
      for (const subpath of d.split('Z').filter(Boolean)) {
        const points = subpath.slice(1).split('L').map((pair) => pair.split(' ').map(Number));
        for (let index = 0; index < points.length; index++) {
          const [ax, ay] = points[index];
          const [bx, by] = points[(index + 1) % points.length];
          const side = (bx - ax) * (py - ay) - (px - ax) * (by - ay);
          if (ay <= py && by > py && side > 0) total++;
          else if (ay > py && by <= py && side < 0) total--;
        }
      }
      return total;
    };
    for (const z of [3, 4, 5, 6]) {
      for (let lat = 38.5; lat <= 44; lat += 0.05) {
        const [, x, y] = tileOf(lat, 50.6, z);
        const phi = (lat * Math.PI) / 180;
        const px = (((50.6 + 180) / 360) * 2 ** z - x) * 256;
        const py = (((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 2 ** z - y) * 256;
        assert.equal(winding(renderTile(z, x, y).svg, px, py), 0, `Caspian Sea at ${lat.toFixed(2)}° N, zoom ${z}`);
      }
    }
    // And the same reading finds land where there is land.
    const [, x, y] = tileOf(35.7, 51.4, 5);
    const phi = (35.7 * Math.PI) / 180;
    assert.notEqual(winding(renderTile(5, x, y).svg, (((51.4 + 180) / 360) * 32 - x) * 256, (((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 32 - y) * 256), 0, 'Tehran is on land');
  });

  test('commune names from zoom 8, escaped', async () => {
    const low = await getUrl(base, tilePath(tileOf(-21.0097, 55.2697, 7)));
    assert.doesNotMatch(low.text, /<text/);
    const high = await getUrl(base, tilePath(tileOf(-20.8821, 55.4507, 11)));
    assert.match(high.text, />Saint-Denis<\/text>/);
    const apostrophe = await getUrl(base, tilePath(tileOf(50.6233, 3.145, 11)));
    assert.match(apostrophe.text, />Villeneuve-d&#039;Ascq<\/text>/);
  });

  test('out-of-range or malformed z/x/y: 404', async () => {
    for (const path of ['/tiles/20/0/0.svg', '/tiles/2/4/0.svg', '/tiles/2/0/4.svg', '/tiles/-1/0/0.svg', '/tiles/1/0/0.png', '/tiles/1/0/0', '/tiles/1/0.svg', '/tiles/01/0/0.svg', '/tiles/1/1.5/0.svg', '/tiles/a/b/c.svg', '/tiles/1/0/0/0.svg']) {
      const response = await getUrl(base, path);
      assert.equal(response.status, 404, path);
    }
    const deepest = await getUrl(base, `/tiles/19/${2 ** 19 - 1}/${2 ** 19 - 1}.svg`);
    assert.equal(deepest.status, 200);
  });

  test('the same tile twice is the same bytes (cached), and rendering is deterministic', async () => {
    const path = tilePath(tileOf(48.86, 2.35, 9));
    const first = await getUrl(base, path);
    const second = await getUrl(base, path);
    assert.equal(first.text, second.text);
    const [z, x, y] = tileOf(48.86, 2.35, 9);
    assert.equal(renderTile(z, x, y).svg, first.text);
  });

  test('fault injection works as on the platform routes', async () => {
    const path = tilePath(tileOf(-21.1, 55.5, 9));
    const faulted = await getUrl(base, `/__fault/tiles-test/503,ok${path}`);
    assert.equal(faulted.status, 503);
    const next = await getUrl(base, `/__fault/tiles-test/503,ok${path}`);
    assert.equal(next.status, 200);
    assert.match(next.headers.get('content-type'), /^image\/svg\+xml/);
  });

  test('CORS "*" even when the sandbox plays a platform without CORS', async () => {
    const closed = await sandboxFor({ cors: 'none', size: 0 });
    try {
      const response = await getUrl(closed.url, '/tiles/1/1/1.svg');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
    } finally {
      await closed.close();
    }
  });
});
