// /upload/communecter/{collection}/{id}/… — the platform's uploaded images, replaced by generated SVG
// avatars (a colour from the id, the element's initials). Unknown ids and "/null/" paths are 404s,
// as broken image URLs are on the platform.
import { hashString } from '../lib/prng.mjs';
import { escapeHtml, initials } from '../lib/text.mjs';
import { html, errorPage } from '../lib/http.mjs';

const IMAGE_COLLECTIONS = new Set(['organizations', 'events', 'projects', 'poi', 'classifieds', 'ressources', 'citoyens']);
const SIZES = { thumb: [50, 50], marker: [40, 52], medium: [400, 300], banner: [1200, 300], original: [800, 600] };

/**
 * @param {any} data
 * @param {string[]} segments path segments after /upload/communecter/, already percent-decoded
 */
export function serveImage(data, segments) {
  const notFound = html(404, errorPage(404, "L'image demandée n'existe pas."));
  if (segments.includes('null') || segments.length < 3) return notFound;
  const [collection, id, ...rest] = segments;
  const entry = data.byId.get(id);
  if (!IMAGE_COLLECTIONS.has(collection) || !entry || entry.col !== collection) return notFound;
  const file = rest.join('/');
  const variant = file === 'thumb/profil-marker.png' ? 'marker' : rest[0] === 'thumb' ? 'thumb' : rest[0] === 'medium' ? 'medium' : rest[0] === 'banner' ? 'banner' : 'original';
  return {
    status: 200,
    kind: 'svg',
    body: avatarSvg(entry, variant),
    headers: { 'Cache-Control': 'public, max-age=86400' },
  };
}

function avatarSvg(entry, variant) {
  const [width, height] = SIZES[variant];
  const hue = hashString(entry.id) % 360;
  const background = `hsl(${hue} 55% 42%)`;
  const text = escapeHtml(initials(entry.doc.name));
  const label = escapeHtml(typeof entry.doc.name === 'string' ? entry.doc.name.slice(0, 120) : entry.id);
  const fontSize = Math.round(Math.min(width, height) * (variant === 'marker' ? 0.36 : 0.4));
  if (variant === 'marker') {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 40 52" role="img" aria-label="${label}"><path d="M20 51C20 51 2 30 2 19a18 18 0 0 1 36 0c0 11-18 32-18 32z" fill="${background}" stroke="#fff" stroke-width="2"/><text x="20" y="24" font-family="sans-serif" font-size="${fontSize}" font-weight="700" fill="#fff" text-anchor="middle">${text}</text></svg>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}"><rect width="${width}" height="${height}" fill="${background}"/><text x="50%" y="50%" dy=".35em" font-family="sans-serif" font-size="${fontSize}" font-weight="700" fill="#fff" text-anchor="middle">${text}</text></svg>`;
}
