/**
 * Text hygiene for platform data written by strangers: entity decoding, control and zero-width
 * character removal, NFC, grapheme-safe truncation. Pure functions, no DOM, so they run in
 * normalisers over tens of thousands of records and in property tests.
 */

// Named entities seen in Communecter texts (PHP's htmlentities() output for French and common
// typography). A full HTML5 table is ~2,200 names and ~10 KB gzipped; anything outside this list is
// left as written, which reads oddly but is never unsafe.
const NAMED_ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ',
  ccedil: 'ç', egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í',
  icirc: 'î', iuml: 'ï', ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ',
  ouml: 'ö', oslash: 'ø', oelig: 'œ', ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü',
  yacute: 'ý', yuml: 'ÿ', szlig: 'ß',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ',
  Ccedil: 'Ç', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í',
  Icirc: 'Î', Iuml: 'Ï', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ',
  Ouml: 'Ö', Oslash: 'Ø', OElig: 'Œ', Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü',
  Yacute: 'Ý', Yuml: 'Ÿ',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', hellip: '…', ndash: '–', mdash: '—', bull: '•', middot: '·', deg: '°',
  euro: '€', pound: '£', yen: '¥', cent: '¢', copy: '©', reg: '®', trade: '™', sect: '§',
  para: '¶', times: '×', divide: '÷', plusmn: '±', frac12: '½', frac14: '¼', frac34: '¾',
  sup2: '²', sup3: '³', ordf: 'ª', ordm: 'º', iexcl: '¡', iquest: '¿', shy: '\u00AD',
  thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', zwnj: '\u200C', zwj: '\u200D',
});

const ENTITY_PATTERN = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,8}));/g;

function codePointToString(codePoint: number): string {
  // NUL, surrogates and out-of-range values become U+FFFD, as the HTML parser does.
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(codePoint);
}

/** Decodes HTML character references once (`&amp;` → `&`, `&#039;` → `'`, `&eacute;` → `é`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_PATTERN, (match, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return codePointToString(Number.parseInt(decimal, 10));
    if (hex !== undefined) return codePointToString(Number.parseInt(hex, 16));
    if (name !== undefined && Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name)) return NAMED_ENTITIES[name]!;
    return match;
  });
}

// C0/C1 controls except tab and newline, plus invisible characters that hide text or make two
// strings look identical (zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel
// separator). ZWJ/ZWNJ stay: emoji sequences and some scripts need them. Bidi overrides stay too:
// the rendering layer isolates platform text with <bdi>, which neutralises them.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const INVISIBLE_CHARS = /[\u200B\u2060\uFEFF\u00AD\u180E]/g;
const NEEDS_SCRUB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2060\uFEFF\u00AD\u180E\uD800-\uDFFF]/;
const MAY_DENORMALIZE = /[^\u0000-\u02FF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Cleans a string for display as plain text: replaces lone surrogates, drops control and
 * zero-width characters, normalises to NFC, collapses runs of spaces and trims. Idempotent.
 * `multiline` keeps line breaks; `keepIndentation` (for Markdown sources) also keeps spaces and tabs.
 */
export function cleanText(text: string, options: { multiline?: boolean; keepIndentation?: boolean } = {}): string {
  let out = text;
  if (NEEDS_SCRUB.test(out)) {
    out = out.replace(/\r\n?/g, '\n').replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL_CHARS, ' ').replace(INVISIBLE_CHARS, '');
  }
  // Only combining marks and non-Latin scripts can change under NFC; precomposed French text
  // ("é", "à") cannot, and skipping normalize() there saves an allocation per string.
  if (MAY_DENORMALIZE.test(out)) out = out.normalize('NFC');
  if (options.keepIndentation) return out.replace(/[^\S\n]+$/gm, '').replace(/^\n+/, '').trimEnd();
  if (options.multiline) {
    out = out.replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n');
  } else if (/[\t\n\v\f\u2028\u2029]| {2}/.test(out)) {
    // Only ASCII layout whitespace collapses: French typography's no-break spaces stay.
    out = out.replace(/[\t\n\v\f \u2028\u2029]+/g, ' ');
  }
  return out.trim();
}

/**
 * Wire value → display text, or null when the value is not text. Strings are entity-decoded once
 * and cleaned; finite numbers are accepted (a name of `42` is still a name); everything else
 * (objects, arrays, booleans — including objects impersonating Lit templates) is refused.
 */
export function toText(value: unknown, options: { maxLength?: number; multiline?: boolean } = {}): string | null {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return null;
  const maxLength = options.maxLength ?? 2000;
  // Cap before the regex work so a 100 kB name costs the same as a short one. The cap is wide
  // (16 code units a grapheme) and never splits a surrogate pair, so truncation below still cuts
  // on a grapheme boundary with its ellipsis.
  const cap = maxLength * 16 + 16;
  if (text.length > cap) text = text.slice(0, /[\uD800-\uDBFF]/.test(text[cap - 1]!) ? cap - 1 : cap);
  const cleaned = cleanText(decodeEntities(text), { multiline: options.multiline ?? false });
  if (cleaned === '') return null;
  return truncateGraphemes(cleaned, maxLength);
}

let segmenter: Intl.Segmenter | null | undefined;
function graphemeSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/**
 * Shortens to at most `max` user-perceived characters (grapheme clusters), adding an ellipsis when
 * cut, so emoji sequences and combining accents are never split. Falls back to code points when
 * Intl.Segmenter is missing (Firefox < 125).
 */
export function truncateGraphemes(text: string, max: number, ellipsis = '…'): string {
  if (max <= 0) return '';
  // Fast path: even if every code unit were its own grapheme it fits.
  if (text.length <= max) return text;
  const keep = ellipsis ? max - 1 : max;
  let count = 0;
  let cutIndex = -1;
  const boundaries: Iterable<number> = graphemeStarts(text);
  for (const index of boundaries) {
    if (count === keep) cutIndex = index;
    if (count === max) {
      // There is a grapheme beyond `max`: the text really is too long.
      return text.slice(0, cutIndex).trimEnd() + ellipsis;
    }
    count++;
  }
  return text;
}

function* graphemeStarts(text: string): Generator<number> {
  const seg = graphemeSegmenter();
  if (seg) {
    for (const { index } of seg.segment(text)) yield index;
    return;
  }
  let index = 0;
  for (const ch of text) {
    yield index;
    index += ch.length;
  }
}

/** Lower-case, accent-free form used for local matching ("Étang-Salé" ~ "etang-sale"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** "a, b,,c " → ["a", "b", "c"] (trimmed, unique, in order); null or empty → []. */
export function parseList(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
}

/**
 * Platform text placed inside the widgets' own sentences where no element can isolate it (attribute
 * values: aria-label, alt; link texts built from a translation): wrapped in FIRST STRONG ISOLATE …
 * POP DIRECTIONAL ISOLATE, so a right-to-left name, or an unterminated override in it, cannot reorder
 * or restyle the words around it ("Voir « … » sur Communecter").
 */
export function isolate(text: string): string {
  return `\u2068${balancedBidi(text)}\u2069`;
}

const EMBEDDING_OPENERS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']); // LRE RLE LRO RLO
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', '\u2068']); // LRI RLI FSI
const PDF = '\u202C';
const PDI = '\u2069';

/**
 * The string with its directional controls balanced, so that the widget's own FSI … PDI around it
 * match (UAX #9): a POP DIRECTIONAL ISOLATE with no isolate open in the string would close the
 * widget's FSI early (an override after it then runs over the words around), a POP DIRECTIONAL
 * FORMATTING with no embedding open in its isolate could close one of the page's: both are dropped.
 * An isolate the string leaves open would take the widget's PDI: one PDI is added for each (it also
 * closes the embeddings inside it; those opened directly in the string are closed by the widget's).
 */
export function balancedBidi(text: string): string {
  if (!/[\u202C\u2066-\u2069]/.test(text)) return text;
  // One entry per open isolate: how many embeddings are open inside it.
  const isolates: number[] = [0];
  let out = '';
  for (const char of text) {
    if (ISOLATE_OPENERS.has(char)) isolates.push(0);
    else if (EMBEDDING_OPENERS.has(char)) isolates[isolates.length - 1]! += 1;
    else if (char === PDI) {
      if (isolates.length === 1) continue;
      isolates.pop();
    } else if (char === PDF) {
      if (isolates[isolates.length - 1] === 0) continue;
      isolates[isolates.length - 1]! -= 1;
    }
    out += char;
  }
  return out + PDI.repeat(isolates.length - 1);
}
