/**
 * URL safety. Lit escapes text but writes attribute values as given, so every URL that reaches an
 * `href` or `src` goes through here first. Only http, https, mailto and tel survive.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
// Browsers strip ASCII tab/newline anywhere in a URL and leading C0 controls/spaces, which is how
// "java\tscript:" and "\0javascript:" sneak through naive checks: remove them before looking.
const URL_NOISE = /[\u0000-\u0020\u007F-\u009F\u200B-\u200D\u2060\uFEFF]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// A bare host such as "www.mairie.fr" or "mairie-saint-leu.re/agenda" (letters of any script, so
// IDN hosts qualify; the browser's URL parser turns them into punycode).
const BARE_HOST = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}(?::\d{1,5})?(?:[/?#]|$)/u;

export interface SafeUrlOptions {
  /** Resolve root-relative paths ("/upload/…") against this origin; without it they are refused. */
  base?: string;
  /** Restrict to these protocols (default: http, https, mailto, tel). */
  protocols?: readonly string[];
}

/**
 * Returns a normalised absolute URL that is safe to put in `href`, or null. Entity-encoded and
 * obfuscated schemes ("&#106;avascript:", " JaVaScRiPt:", "java\tscript:") are refused; a bare
 * host ("www.mairie.fr") becomes https://www.mairie.fr, never a path on the platform. Entities
 * are not decoded: a value is either a URL as written or refused. Idempotent.
 */
export function toSafeUrl(value: unknown, options: SafeUrlOptions = {}): string | null {
  if (typeof value !== 'string') return null;
  if (value.length > 4096) return null;
  const candidate = value.trim().replace(URL_NOISE, (ch) => (ch === ' ' ? '%20' : ''));
  if (candidate === '') return null;
  const allowed = options.protocols ? new Set(options.protocols) : ALLOWED_PROTOCOLS;

  let absolute: string;
  const scheme = SCHEME.exec(candidate);
  if (scheme) {
    if (!allowed.has(`${scheme[1]!.toLowerCase()}:`)) return null;
    absolute = candidate;
  } else if (candidate.startsWith('//')) {
    absolute = `https:${candidate}`;
  } else if (candidate.startsWith('/')) {
    if (!options.base) return null;
    absolute = candidate;
  } else if (BARE_HOST.test(candidate)) {
    absolute = `https://${candidate}`;
  } else {
    return null;
  }

  let url: URL;
  try {
    url = options.base ? new URL(absolute, options.base) : new URL(absolute);
  } catch {
    return null;
  }
  if (!allowed.has(url.protocol)) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '') return null;
  if (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+$/.test(decodeURIComponentSafe(url.pathname))) return null;
  if (url.protocol === 'tel:' && !/^\+?[0-9().\- ]{3,}$/.test(decodeURIComponentSafe(url.pathname))) return null;
  // Credentials in a link are a phishing trick ("https://mairie.fr@evil.example").
  if (url.username || url.password) return null;
  return url.href;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The host to show next to a link, in punycode for look-alike IDNs ("xn--cmmunecter-…"). */
export function displayHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** `mailto:` href for an address that looks like one, else null. */
export function toMailtoHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const address = value.trim().replace(/^mailto:/i, '');
  // Stricter than RFC 5322 on purpose: "?", "#", "%" and "/" would smuggle headers (subject, cc,
  // body) or paths into the mailto: link.
  const part = `[^@\\s<>"'\`,;:()\\\\[\\]?#%/]+`;
  if (!new RegExp(`^${part}@${part}\\.${part}$`).test(address)) return null;
  return toSafeUrl(`mailto:${address}`);
}

/** `tel:` href built from the digits of a phone number as written ("0262 00 00 00"), else null. */
export function toTelHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const compact = value.replace(/[\s().-]/g, '');
  if (!/^\+?\d{3,20}$/.test(compact)) return null;
  return `tel:${compact}`;
}

/**
 * Image source for an `<img>`: http(s) only. Root-relative platform paths ("/upload/…") are
 * prefixed with `base` — the widget's api-base, path included, so a proxy mounted under a path
 * serves the images too. Paths with the platform's known broken segments ("/null/",
 * "/undefined/") are dropped so the placeholder shows at once instead of after a 404. On an https
 * page an http image is upgraded rather than blocked as mixed content.
 */
export function toImageSrc(value: unknown, base: string, pageProtocol?: string): string | null {
  if (typeof value !== 'string') return null;
  if (/\/(?:null|undefined)(?:\/|$)/.test(value)) return null;
  const trimmed = value.trim();
  const cleanBase = base.replace(/\/+$/, '');
  // The common case, a plain platform path on an http(s) base, needs no URL parser (normalising
  // 10,000 records resolves 60,000 image fields).
  if (SIMPLE_PATH.test(trimmed) && /^https?:\/\/[^/\s\\]+(?:\/[^\s\\]*)?$/i.test(cleanBase)) {
    return upgrade(cleanBase + trimmed, pageProtocol);
  }
  // Image fields hold platform paths or absolute URLs; a bare "logo.png" is neither.
  if (!trimmed.startsWith('/') && !/^https?:\/\//i.test(trimmed)) return null;
  const prefixed = trimmed.startsWith('/') && !trimmed.startsWith('//') ? cleanBase + trimmed : trimmed;
  const safe = toSafeUrl(prefixed, { protocols: ['http:', 'https:'] });
  return safe ? upgrade(safe, pageProtocol) : null;
}

// A root-relative path of unreserved and sub-delimiter characters: no "//", no backslash (read as
// "/" by browsers), no spaces or quotes, so appending it to a checked base cannot change the host.
const SIMPLE_PATH = /^\/(?!\/)[\w\-.~%!$&'()*+,;=:@/]*(?:\?[\w\-.~%!$&'()*+,;=:@/?]*)?$/;

function upgrade(url: string, pageProtocol?: string): string {
  const protocol = pageProtocol ?? (typeof location !== 'undefined' ? location.protocol : 'https:');
  return protocol === 'https:' && url.startsWith('http:') ? `https:${url.slice(5)}` : url;
}
