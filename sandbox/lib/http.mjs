// Replies and their serialisation: JSON as Rest::json writes it, HTML error pages as Yii renders them
// for non-AJAX requests, gzip when the client accepts it.
import { gzip, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { phpJsonEncode } from './php.mjs';
import { escapeHtml } from './text.mjs';

const gzipAsync = promisify(gzip);

/** Largest form body read (PHP's post_max_size default): beyond it PHP discards $_POST entirely. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {'json' | 'html' | 'text' | 'svg' | 'empty'} kind
 * @property {unknown} [value] for json (or a thunk giving it, when `text` already holds the encoding)
 * @property {string} [text] for json: the body, already encoded
 * @property {string} [body] for html/text/svg
 * @property {Record<string, string>} [headers]
 * @property {boolean} [unescapedSlashes] JSON_UNESCAPED_SLASHES (the legacy /co2/data/get)
 */

/** An error the platform would turn into its HTML error page (or a plain message for AJAX calls). */
export class PlatformError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @returns {Reply} */
export const json = (value, extra = {}) => ({ status: 200, kind: 'json', value, ...extra });
/** @returns {Reply} */
export const html = (status, body, extra = {}) => ({ status, kind: 'html', body, ...extra });

const STATUS_TITLES = {
  400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 429: 'Too Many Requests', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};
export const statusTitle = (status) => STATUS_TITLES[status] ?? 'Error';

/** The page Yii's error action renders ("ERREUR 404" and the message). */
export function errorPage(status, message) {
  const title = `ERREUR ${status}`;
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${title}</title>
</head>
<body class="error-page">
<div class="container">
  <h1>${title}</h1>
  <h2>${escapeHtml(statusTitle(status))}</h2>
  <p class="error-message">${escapeHtml(message)}</p>
  <p><a href="/">Retour à l'accueil</a></p>
</div>
</body>
</html>
`;
}

/** Turns a thrown error into the reply the platform would send. */
export function replyForError(error, request) {
  const status = error instanceof PlatformError ? error.status : 500;
  const message = error instanceof PlatformError ? error.message : 'Erreur interne du serveur.';
  if (request.headers['x-requested-with'] === 'XMLHttpRequest') return { status, kind: 'text', body: message };
  return html(status, errorPage(status, message));
}

/**
 * Reads a request body up to MAX_BODY_BYTES. Larger bodies come back as null, like the POST PHP drops.
 * @param {import('node:http').IncomingMessage} request
 * @returns {Promise<string | null>}
 */
export function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Serialises a reply: bytes and headers, before compression.
 * @param {Reply} reply
 * @returns {{ status: number, headers: Record<string, string>, body: Buffer }}
 */
export function serialize(reply) {
  const headers = { ...(reply.headers ?? {}) };
  let body;
  switch (reply.kind) {
    case 'json':
      headers['Content-Type'] ??= 'application/json; charset=utf-8';
      headers['Cache-Control'] ??= 'no-store';
      body = Buffer.from(reply.text ?? phpJsonEncode(reply.value, { unescapedSlashes: reply.unescapedSlashes }), 'utf8');
      break;
    case 'svg':
      headers['Content-Type'] ??= 'image/svg+xml';
      body = Buffer.from(reply.body ?? '', 'utf8');
      break;
    case 'text':
      headers['Content-Type'] ??= 'text/plain; charset=utf-8';
      headers['Cache-Control'] ??= 'no-store';
      body = Buffer.from(reply.body ?? '', 'utf8');
      break;
    case 'empty':
      headers['Content-Type'] ??= 'text/html; charset=utf-8';
      headers['Cache-Control'] ??= 'no-store';
      body = Buffer.alloc(0);
      break;
    default:
      headers['Content-Type'] ??= 'text/html; charset=utf-8';
      headers['Cache-Control'] ??= 'no-store';
      body = Buffer.from(reply.body ?? '', 'utf8');
  }
  return { status: reply.status, headers, body };
}

/** gzip when accepted and worth it; large bodies are compressed off the event loop. */
export async function compress(request, serialized) {
  const accepts = /\bgzip\b/i.test(String(request.headers['accept-encoding'] ?? ''));
  const type = serialized.headers['Content-Type'] ?? '';
  const compressible = /json|html|text|svg/.test(type);
  if (!compressible) return serialized;
  const headers = { ...serialized.headers, Vary: 'Accept-Encoding' };
  if (!accepts || serialized.body.length < 1024) return { ...serialized, headers };
  // Large answers favour speed over ratio: the client is on loopback, the time is what tests measure.
  const body = serialized.body.length > 256 * 1024 ? await gzipAsync(serialized.body, { level: 1 }) : gzipSync(serialized.body);
  return { status: serialized.status, headers: { ...headers, 'Content-Encoding': 'gzip' }, body };
}

/** Writes a serialised reply (HEAD gets the headers only). */
export function send(response, { status, headers, body }) {
  response.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
  response.end(response.req?.method === 'HEAD' ? undefined : body);
}

/**
 * Yii "path" URLs: action parameters as name/value pairs after the route
 * (/api/organization/get/limit/50/index/50 → {limit: "50", index: "50"}); an odd last segment is ignored.
 * @param {string[]} segments decoded path segments after the route
 */
export function pathPairs(segments) {
  const params = Object.create(null);
  for (let index = 0; index + 1 < segments.length; index += 2) params[segments[index]] = segments[index + 1];
  return params;
}
