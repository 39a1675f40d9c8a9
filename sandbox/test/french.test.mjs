// The generated French reads right: elision (l', d', qu'), contractions (du, au, des, aux), articles that
// agree with their noun, no double articles, over a generated sample and on a few exact strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateData } from '../data/generate.mjs';
import { elides, frenchArticles, withA, withArticle, withDe } from '../data/french.mjs';
import { FEMININE_THEMES, THEMES } from '../data/words.mjs';
import { resolveOptions } from '../index.mjs';
import { NOW } from './helpers.mjs';

/** Every name, short description and description of a 3,000-element sandbox (no hostile records). */
function sampleTexts(seed = 'communecter') {
  const data = generateData(resolveOptions({ now: NOW, size: 3000, seed }));
  const texts = [];
  for (const entries of Object.values(data.collections)) {
    for (const { doc } of entries) {
      for (const field of ['name', 'shortDescription', 'description']) {
        // The generator writes some texts with HTML entities on purpose (legacy records): read them decoded.
        if (typeof doc[field] === 'string') texts.push({ field, text: decode(doc[field]) });
      }
    }
  }
  return texts;
}

const decode = (text) => text.replace(/&eacute;/g, 'é').replace(/&#039;/g, "'").replace(/&amp;/g, '&');

const BEFORE = "(?<![\\p{L}\\p{N}'’-])";
// Written out here rather than imported, so the test does not just repeat the generator's own rule.
const VOWEL_OR_MUTE_H = "(?:[aeiouâàéèêëîïôûù]|h(?:abita|istoire|ôtel|orizon|umain|eure|iver|erbe))";
const PATTERNS = {
  'elision due ("le énergie", "de Alma", "que il")': new RegExp(`${BEFORE}(le|la|de|que) ${VOWEL_OR_MUTE_H}`, 'iu'),
  'contraction due ("de le", "à le", "de les", "à les")': new RegExp(`${BEFORE}(de|à) (le|les) `, 'iu'),
  'double article ("du Le", "des Les", "au La", "du l\'")': new RegExp(`${BEFORE}(du|au|aux|des) (le |la |les |l'|l’)`, 'iu'),
  'missing apostrophe ("lécologie")': /(?<![\p{L}'’])l[éèê]c/u,
  'lower-case sentence start': /^\p{Ll}/u,
};

test('a 3,000-element sample has none of the known errors of generated French', () => {
  const texts = sampleTexts();
  assert.ok(texts.length > 6000, `sample of ${texts.length} texts`);
  for (const [label, pattern] of Object.entries(PATTERNS)) {
    const hits = texts.filter(({ field, text }) => pattern.test(text) && (label !== 'lower-case sentence start' || field !== 'description'));
    assert.deepEqual(hits.slice(0, 5).map(({ text }) => text.slice(0, 120)), [], `${label}: ${hits.length} texts`);
  }
});

test('articles agree with the theme: "la solidarité", "le sport", "l’énergie", never "sur la énergie"', () => {
  const texts = sampleTexts().map(({ text }) => text);
  for (const { label } of THEMES) {
    const wrong = elides(label) ? ['le', 'la', 'du', 'au'] : FEMININE_THEMES.has(label) ? ['le', 'du', 'au'] : ['la'];
    const pattern = new RegExp(`${BEFORE}(${wrong.join('|')}) ${label}(?![\\p{L}])`, 'iu');
    const hit = texts.find((text) => pattern.test(text));
    assert.equal(hit, undefined, `wrong article before "${label}"`);
  }
  // The sample does use the themes with their articles (the checks above are not vacuous).
  for (const expected of ['pour la solidarité', "pour l'énergie", "pour l'habitat", 'Nuit du théâtre', 'Nuit de la santé', "Nuit de l'énergie", 'sur la musique', 'Cartographie des acteurs du sport']) {
    assert.ok(texts.some((text) => text.includes(expected)), `some text has "${expected}"`);
  }
});

test('exact strings of the sample: quarters and places with their articles', () => {
  const texts = new Set(sampleTexts().map(({ text }) => text));
  for (const expected of [
    'Les Ateliers du Dimitile', // was "Les Ateliers du Le Dimitile"
    "Association des habitants d'Alma", // was "… de Alma"
    'Les Amis du Baril', // was "Les Amis de Le Baril"
    'Mairie des Avirons',
    'Mairie du Port',
    "Agir pour l'écologie : énergie au Dimitile.", // was "Agir pour lécologie : énergie à Le Dimitile."
    'Épicerie vrac et zéro déchet au cœur du Maniron.', // was "… de Le Maniron."
    'Association de quartier pour la solidarité et le lien social.', // was "pour le solidarité"
  ]) {
    assert.ok(texts.has(expected), `the sample has "${expected}"`);
  }
});

test('frenchArticles, withDe, withA, withArticle on known cases', () => {
  const cases = {
    'Débat citoyen sur la énergie': "Débat citoyen sur l'énergie",
    'Les Ateliers de Le Pile': 'Les Ateliers du Pile',
    'au cœur de Les Cavées': 'au cœur des Cavées',
    'Pique-nique partagé à Le Dimitile': 'Pique-nique partagé au Dimitile',
    'entraide à Les Avirons': 'entraide aux Avirons',
    'Repair café de avril': "Repair café d'avril",
    'pour le habitat': "pour l'habitat",
    'Besoin de aide aux démarches': "Besoin d'aide aux démarches",
    'Tournoi de handball': 'Tournoi de handball', // h aspiré
    'Le Hangar Horizon': 'Le Hangar Horizon',
    'Les Amis de Hell-Bourg': 'Les Amis de Hell-Bourg',
    'Tapis de yoga': 'Tapis de yoga',
    'Sous-le-Bois': 'Sous-le-Bois',
    'de La Chaloupe': 'de La Chaloupe',
    "de L'Hermitage": "de L'Hermitage",
    'Nuit de la musique': 'Nuit de la musique',
    'pour que il vienne': "pour qu'il vienne",
  };
  for (const [input, expected] of Object.entries(cases)) assert.equal(frenchArticles(input), expected, input);
  assert.equal(withDe('Le Port'), 'du Port');
  assert.equal(withDe('Les Avirons'), 'des Avirons');
  assert.equal(withDe('Entre-Deux'), "d'Entre-Deux");
  assert.equal(withDe('Évry-Courcouronnes'), "d'Évry-Courcouronnes");
  assert.equal(withDe("L'Étang-Salé"), "de L'Étang-Salé");
  assert.equal(withDe('La Possession'), 'de La Possession');
  assert.equal(withA('Le Tampon'), 'au Tampon');
  assert.equal(withA('Les Trois-Bassins'), 'aux Trois-Bassins');
  assert.equal(withA('Amiens'), 'à Amiens');
  assert.equal(withArticle('énergie', 'f'), "l'énergie");
  assert.equal(withArticle('habitat', 'm'), "l'habitat");
  assert.equal(withArticle('musique', 'f'), 'la musique');
  assert.equal(withArticle('sport', 'm'), 'le sport');
});

test('the fixes keep the generator deterministic', () => {
  const one = sampleTexts().map(({ text }) => text);
  const two = sampleTexts().map(({ text }) => text);
  assert.deepEqual(one, two);
});
