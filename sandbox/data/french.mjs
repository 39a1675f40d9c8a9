// French articles for the generated text: elision (l', d', qu') before a vowel or a mute h, and the
// contractions de + le → du, de + les → des, à + le → au, à + les → aux, so that "de {quarter}" with
// the quarter "Le Pile" reads "du Pile" and "sur la {theme}" with "énergie" reads "sur l'énergie".
// Pure string functions: they draw no random numbers, so the generator stays deterministic.

/**
 * Words starting with h that take elision (h muet). Every other h is treated as aspiré: "de Hell-Bourg",
 * "le handball", "Le Hangar", "de Haute-Ville", "de Henriville" stay as they are.
 */
const MUTE_H = /^h(?:abit|erb|eur|isto|iver|omm|orizon|ôpita|ôte|uile|uma|ermitage)/i;
const VOWEL = /^[aeiouâàäéèêëîïôöûùüœæ]/i;

/** True when a French word takes an elided article or preposition before it ("l'énergie", "d'Alma"). */
export function elides(word) {
  return VOWEL.test(word) || MUTE_H.test(word);
}

/** "le sport", "la musique", "l'énergie", "l'habitat": the definite article with its noun. */
export function withArticle(label, gender) {
  if (elides(label)) return `l'${label}`;
  return `${gender === 'f' ? 'la' : 'le'} ${label}`;
}

/** French "de" + place name: "de Saint-Leu", "du Port", "des Avirons", "d'Entre-Deux", "de La Possession". */
export function withDe(place) {
  return frenchArticles(`de ${place}`);
}

/** French "à" + place name: "à Saint-Leu", "au Port", "aux Avirons", "à L'Étang-Salé". */
export function withA(place) {
  return frenchArticles(`à ${place}`);
}

/** Upper-cases the first letter (a sentence that starts with a placeholder). */
export function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// A word boundary that knows accented letters (JavaScript's \b does not), apostrophes and hyphens:
// "Sous-le-Bois" and "Villeneuve-d'Ascq" are names, not articles.
const BEFORE = "(?<![\\p{L}\\p{N}'’-])";
const ELISION = new RegExp(`${BEFORE}(de|le|la|que|De|Le|La|Que) (?=(\\p{L}[\\p{L}-]*))`, 'gu');
const CONTRACTION = new RegExp(`${BEFORE}(de|à|De|À) (le|les|Le|Les) `, 'gu');
const CONTRACTED = { de: { le: 'du', les: 'des' }, à: { le: 'au', les: 'aux' } };

/**
 * Applies elision, then contraction, to generated text: "pour le énergie" → "pour l'énergie",
 * "au cœur de Le Maniron" → "au cœur du Maniron", "à Les Avirons" → "aux Avirons",
 * "de Orgemont" → "d'Orgemont". Capitalised articles keep their capital ("De Alma" → "D'Alma").
 */
export function frenchArticles(text) {
  const elided = text.replace(ELISION, (match, article, next) => {
    if (!elides(next)) return match;
    const short = article.toLowerCase() === 'que' ? 'qu' : article[0];
    return `${short}'`;
  });
  return elided.replace(CONTRACTION, (match, preposition, article) => {
    const merged = CONTRACTED[preposition.toLowerCase()][article.toLowerCase()];
    return `${preposition[0] === preposition[0].toUpperCase() ? capitalize(merged) : merged} `;
  });
}
