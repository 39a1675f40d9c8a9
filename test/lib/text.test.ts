import { expect } from '@open-wc/testing';
import { cleanText, decodeEntities, foldForSearch, toText, truncateGraphemes } from '../../src/lib/text.js';

describe('text hygiene', () => {
  it('decodes named, decimal and hex entities once, and leaves unknown ones', () => {
    expect(decodeEntities('Caf&eacute; d&#039;ici &amp; l&#x00E0;-bas &unknown; &#0;')).to.equal("Café d'ici & là-bas &unknown; \uFFFD");
  });

  it('removes controls and zero-width characters, keeps no-break spaces, NFC', () => {
    expect(cleanText('  a\u0000b\u200Bc\u00A0:\tx  \n y ')).to.equal('a b\u200Bc\u00A0: x y'.replace('\u200B', ''));
    expect(cleanText('e\u0301')).to.equal('\u00E9');
    expect(cleanText('a\r\nb\n\n\n\nc', { multiline: true })).to.equal('a\nb\n\nc');
  });

  it('keeps Markdown indentation when asked', () => {
    expect(cleanText('- a\n    - b   \n\n```\n  code\n```', { keepIndentation: true })).to.equal('- a\n    - b\n\n```\n  code\n```');
  });

  it('truncates by grapheme with an ellipsis inside the budget', () => {
    expect(truncateGraphemes('Saint-Denis', 6)).to.equal('Saint…');
    expect(truncateGraphemes('abc', 3)).to.equal('abc');
    expect(truncateGraphemes('🇷🇪🇷🇪🇷🇪', 2)).to.equal('🇷🇪…');
  });

  it('toText refuses non-text and accepts finite numbers', () => {
    expect(toText({ toString: () => 'x' })).to.equal(null);
    expect(toText(['a'])).to.equal(null);
    expect(toText(true)).to.equal(null);
    expect(toText(Number.NaN)).to.equal(null);
    expect(toText(42)).to.equal('42');
    expect(toText('   ')).to.equal(null);
  });

  it('folds case and accents for local search', () => {
    expect(foldForSearch('L’Étang-Salé')).to.equal('l’etang-sale');
  });
});
