// GET /tiles/{z}/{x}/{y}.svg — a stand-in for OpenStreetMap's tile servers, so that the demo and the tests
// show a map with no internet: Web Mercator XYZ tiles of 256 px, sea, land (Natural Earth, public domain,
// through the world-atlas package: 1:110m up to zoom 2, 1:50m up to zoom 5, 1:10m beyond), a light
// graticule and, from zoom 8, the names of the seeded communes. Generated on demand, cached in memory.
// world-atlas and topojson-client are devDependencies, read lazily: without them the tiles are sea and
// graticule only (and say so in a header).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { html, errorPage } from '../lib/http.mjs';
import { escapeHtml } from '../lib/text.mjs';
import { CITY_SEEDS } from '../data/places.mjs';

export const TILE_SIZE = 256;
export const MAX_ZOOM = 19;
const CACHE_LIMIT = 4096;
const SEA = '#aad3df';
const LAND = '#f2efe9';
const GRATICULE = '#8aa9b8';
const MAX_LAT = 85.0511287798;

/** Mercator at zoom 0: the world is 256 × 256 units. */
const projectX = (lng) => ((lng + 180) / 360) * TILE_SIZE;
const projectY = (lat) => {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * TILE_SIZE;
};

/**
 * @typedef {{ points: Float64Array, minX: number, minY: number, maxX: number, maxY: number }} Ring
 * projected at zoom 0, as x0, y0, x1, y1…
 * @typedef {Ring & { rings: Ring[] }} Piece a polygon or a part of one: its outer ring first (whose box
 * it carries), then its holes, drawn together so that the nonzero rule keeps lakes open
 */

const require = createRequire(import.meta.url);
/** @type {Map<string, Piece[] | null>} */
const landCache = new Map();

/** The land rings of one Natural Earth scale, projected once; null when world-atlas is not installed. */
function landRings(scale) {
  if (landCache.has(scale)) return landCache.get(scale);
  let rings = null;
  try {
    const { feature } = require('topojson-client');
    const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/land-${scale}.json`), 'utf8'));
    const land = feature(topology, topology.objects.land);
    rings = [];
    const geometries = land.type === 'FeatureCollection' ? land.features.map((item) => item.geometry) : [land.geometry];
    for (const geometry of geometries) {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      for (const polygon of polygons) {
        const projected = polygon.map((ring) => {
          const points = new Float64Array(ring.length * 2);
          for (let index = 0; index < ring.length; index++) {
            points[index * 2] = projectX(ring[index][0]);
            points[index * 2 + 1] = projectY(ring[index][1]);
          }
          return points;
        });
        splitPolygon(projected, rings);
      }
    }
  } catch {
    rings = null;
  }
  landCache.set(scale, rings);
  return rings;
}

/** @param {ArrayLike<number>} points */
function ringOf(points) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let index = 0; index < points.length; index += 2) {
    const x = points[index];
    const y = points[index + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { points: points instanceof Float64Array ? points : Float64Array.from(points), minX, minY, maxX, maxY };
}

/**
 * Cuts a large polygon into quadrants (recursively, until a piece has at most 2,000 points), so that a
 * tile clips a few small pieces instead of a continent. The quadrants overlap a little: the pieces are
 * filled with one opaque colour, so an overlap is invisible where a gap would show as a hairline; holes
 * are cut with their outer ring, so that in an overlap two land layers meet two hole layers (nonzero: 0).
 * @param {ArrayLike<number>[]} polygon outer ring, then holes
 * @param {Piece[]} out
 */
function splitPolygon(polygon, out) {
  const rings = polygon.map(ringOf);
  const outer = rings[0];
  const size = Math.max(outer.maxX - outer.minX, outer.maxY - outer.minY);
  const points = polygon.reduce((sum, ring) => sum + ring.length, 0);
  if (points <= 4000 || size < 0.01) {
    out.push({ ...outer, rings });
    return;
  }
  const midX = (outer.minX + outer.maxX) / 2;
  const midY = (outer.minY + outer.maxY) / 2;
  const overlap = size * 0.001;
  for (const [left, right] of [[outer.minX, midX + overlap], [midX - overlap, outer.maxX]]) {
    for (const [top, bottom] of [[outer.minY, midY + overlap], [midY - overlap, outer.maxY]]) {
      const pieces = polygon.map((ring) => clipRing(ring, left, top, right, bottom));
      if (pieces[0].length < 6) continue;
      splitPolygon([pieces[0], ...pieces.slice(1).filter((ring) => ring.length >= 6)], out);
    }
  }
}

const scaleFor = (z) => (z <= 2 ? '110m' : z <= 5 ? '50m' : '10m');

/**
 * One Sutherland–Hodgman pass: keeps the side of the line `axis = limit` where `sign * (value - limit) >= 0`.
 * Plain loops over numbers: the first pass reads every point of a continent's 1:10m coastline.
 * @param {ArrayLike<number>} input x0, y0, x1, y1…
 * @param {0 | 1} axis 0 for x, 1 for y
 */
function clipPass(input, axis, limit, sign) {
  const count = input.length >> 1;
  const output = [];
  if (count === 0) return output;
  const other = 1 - axis;
  let previous = (count - 1) * 2;
  let previousIn = sign * (input[previous + axis] - limit) >= 0;
  for (let index = 0; index < count * 2; index += 2) {
    const currentIn = sign * (input[index + axis] - limit) >= 0;
    if (currentIn !== previousIn) {
      const a = input[previous + axis];
      const t = (limit - a) / (input[index + axis] - a);
      const crossing = input[previous + other] + (input[index + other] - input[previous + other]) * t;
      if (axis === 0) output.push(limit, crossing);
      else output.push(crossing, limit);
    }
    if (currentIn) output.push(input[index], input[index + 1]);
    previous = index;
    previousIn = currentIn;
  }
  return output;
}

/**
 * Sutherland–Hodgman against an axis-aligned rectangle. A concave ring comes out with zero-width
 * corridors along the edges, invisible when filled (the tiles never stroke land).
 */
function clipRing(points, left, top, right, bottom) {
  return clipPass(clipPass(clipPass(clipPass(points, 0, left, 1), 1, top, 1), 0, right, -1), 1, bottom, -1);
}

/** The SVG path of the land inside one tile (tile pixel coordinates, one decimal). */
function landPath(pieces, z, x, y) {
  const scale = 2 ** z;
  const unit = TILE_SIZE / scale;
  // A margin of 2 px keeps clipped edges outside the visible square.
  const margin = (2 / TILE_SIZE) * unit;
  const left = x * unit - margin;
  const top = y * unit - margin;
  const right = (x + 1) * unit + margin;
  const bottom = (y + 1) * unit + margin;
  let path = '';
  const outside = (box) => box.maxX < left || box.minX > right || box.maxY < top || box.minY > bottom;
  for (const piece of pieces) {
    if (outside(piece)) continue;
    for (const ring of piece.rings) {
      if (outside(ring)) continue;
      const inside = ring.minX >= left && ring.maxX <= right && ring.minY >= top && ring.maxY <= bottom;
      const clipped = inside ? ring.points : clipRing(ring.points, left, top, right, bottom);
      if (clipped.length < 6) continue;
      let previous = '';
      let part = '';
      for (let index = 0; index < clipped.length; index += 2) {
        const point = `${((clipped[index] - x * unit) * scale).toFixed(1)} ${((clipped[index + 1] - y * unit) * scale).toFixed(1)}`;
        if (point === previous) continue; // 1:10m coastlines hold many points per pixel at low zoom
        part += (part ? 'L' : 'M') + point;
        previous = point;
      }
      path += `${part}Z`;
    }
  }
  return path;
}

/** Meridians and parallels every 10° up to zoom 5, 1° to zoom 9, 0.1° to zoom 12, then 0.01°. */
function graticule(z, x, y) {
  const step = z <= 5 ? 10 : z <= 9 ? 1 : z <= 12 ? 0.1 : 0.01;
  const scale = 2 ** z;
  const unit = TILE_SIZE / scale;
  const west = ((x * unit) / TILE_SIZE) * 360 - 180;
  const east = (((x + 1) * unit) / TILE_SIZE) * 360 - 180;
  const latAt = (py) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / TILE_SIZE))) * 180) / Math.PI;
  const north = latAt(y * unit);
  const south = latAt((y + 1) * unit);
  let path = '';
  // Integer counters: adding 0.1 a hundred times drifts.
  for (let index = Math.ceil(west / step); index * step <= east; index++) {
    const lng = index * step;
    const px = ((projectX(lng) - x * unit) * scale).toFixed(1);
    path += `M${px} 0V${TILE_SIZE}`;
  }
  for (let index = Math.ceil(south / step); index * step <= north; index++) {
    const lat = index * step;
    const py = ((projectY(lat) - y * unit) * scale).toFixed(1);
    path += `M0 ${py}H${TILE_SIZE}`;
  }
  return path;
}

const PLACES = Object.values(CITY_SEEDS).flat().map((city) => ({ name: city.name, x: projectX(city.lng), y: projectY(city.lat) }));

/** Commune names from zoom 8: every tile draws the labels that reach it, the browser clips them. */
function labels(z, x, y) {
  if (z < 8) return '';
  const scale = 2 ** z;
  const unit = TILE_SIZE / scale;
  let out = '';
  for (const place of PLACES) {
    const px = (place.x - x * unit) * scale;
    const py = (place.y - y * unit) * scale;
    const width = place.name.length * 7 + 8;
    if (px + width < 0 || px - width > TILE_SIZE || py < -12 || py > TILE_SIZE + 12) continue;
    out += `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="2.5"/><text x="${(px + 5).toFixed(1)}" y="${(py + 4).toFixed(1)}">${escapeHtml(place.name)}</text>`;
  }
  return out ? `<g fill="#555" font-family="sans-serif" font-size="11" stroke="#fff" stroke-width="3" paint-order="stroke">${out}</g>` : '';
}

/** @param {number} z @param {number} x @param {number} y */
export function renderTile(z, x, y) {
  const rings = landRings(scaleFor(z));
  const land = rings ? landPath(rings, z, x, y) : '';
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE_SIZE}" height="${TILE_SIZE}" viewBox="0 0 ${TILE_SIZE} ${TILE_SIZE}">`
      + `<rect width="${TILE_SIZE}" height="${TILE_SIZE}" fill="${SEA}"/>`
      + (land ? `<path d="${land}" fill="${LAND}" fill-rule="nonzero"/>` : '')
      + `<path d="${graticule(z, x, y)}" stroke="${GRATICULE}" stroke-width="0.5" stroke-opacity="0.5" fill="none"/>`
      + labels(z, x, y)
      + '</svg>',
    land: rings !== null,
  };
}

const cache = new Map();
const TILE_PATTERN = /^(0|[1-9]\d?)$/;

/**
 * @param {string[]} segments the path after /tiles/: [z, x, "y.svg"]
 * @returns {import('../lib/http.mjs').Reply}
 */
export function serveTile(segments) {
  const notFound = () => html(404, errorPage(404, 'Tuile inconnue : /tiles/{z}/{x}/{y}.svg, z de 0 à 19.'));
  if (segments.length !== 3 || !segments[2].endsWith('.svg')) return notFound();
  const [zText, xText] = segments;
  const yText = segments[2].slice(0, -4);
  if (!TILE_PATTERN.test(zText) || !/^(0|[1-9]\d*)$/.test(xText) || !/^(0|[1-9]\d*)$/.test(yText)) return notFound();
  const z = Number(zText);
  const x = Number(xText);
  const y = Number(yText);
  if (z > MAX_ZOOM || x >= 2 ** z || y >= 2 ** z) return notFound();
  const key = `${z}/${x}/${y}`;
  let tile = cache.get(key);
  if (!tile) {
    tile = renderTile(z, x, y);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value);
    cache.set(key, tile);
  }
  const headers = { 'Cache-Control': 'public, max-age=86400' };
  if (!tile.land) headers['X-Sandbox-Note'] = 'world-atlas not installed: sea and graticule only';
  return { status: 200, kind: 'svg', body: tile.svg, headers };
}
