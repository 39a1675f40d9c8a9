// Text folding used by the search engine. The platform turns every query into an accent-insensitive,
// case-insensitive regex (Search::accentToRegex + /i); comparing folded strings is the same test
// without building regexes on the hot path.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// accentToRegex maps each ligature to a single letter (œ → o, æ → a, ß → s); so do we.
const LIGATURES = { œ: 'o', Œ: 'o', æ: 'a', Æ: 'a', ß: 's' };

/**
 * Lower-cases and strips accents: "Épicerie Vrac" → "epicerie vrac". Non-strings fold to null so that
 * a record whose name is 42 or an object never matches a text query (Mongo regexes skip non-strings).
 * @param {unknown} value
 * @returns {string | null}
 */
export function fold(value) {
  if (typeof value !== 'string') return null;
  // Fast path: most text is plain ASCII lower-case already.
  if (/^[\x20-\x7e]*$/.test(value)) return value.toLowerCase();
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[œŒæÆß]/g, (char) => LIGATURES[char])
    .toLowerCase();
}

/**
 * The folding used for search matching. accentToRegex turns a space, "-" or "'" of the query into the
 * character class [ --'], i.e. any character from U+0020 to U+002D, so "saint denis" finds
 * "Saint-Denis"; mapping that whole range to a space on both sides is the same test.
 * @param {unknown} value
 */
export function foldForSearch(value) {
  const folded = fold(value);
  return folded === null ? null : folded.replace(/[\x20-\x2d]/g, ' ');
}

/** Slugs as the platform builds them: camelCase words, accents and punctuation removed. */
export function slugify(name) {
  const words = (fold(name) ?? '')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('') || 'element';
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#039;');
}

/** Initials for the generated avatar images ("La Fabrique du Bourg" → "LB"). */
export function initials(name) {
  const words = (typeof name === 'string' ? name : '')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .split(/[\s'’\-–:,.()«»"]+/)
    .filter((word) => word.length > 2 || /^[A-ZÀ-Ý0-9]/.test(word));
  const letters = words.slice(0, 3).map((word) => word[0]).filter((char) => /[\p{L}\p{N}]/u.test(char));
  const picked = letters.length > 2 ? [letters[0], letters[letters.length - 1]] : letters;
  return (picked.join('') || '?').toUpperCase();
}
