/**
 * plainJson: the text JSON.stringify writes on an unpatched page, whatever the page patched (an old
 * Prototype.js gives Array.prototype and String.prototype a toJSON; some scripts patch Object.prototype).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { plainJson } from '../../src/lib/json.js';

type Patchable = { toJSON?: () => unknown };

function withPatchedBuiltIns<T>(run: () => T): T {
  const array = Array.prototype as unknown as Patchable;
  const object = Object.prototype as unknown as Patchable;
  array.toJSON = function (this: unknown[]) {
    return `patched ${this.length}`;
  };
  Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'patched object', configurable: true, writable: true });
  try {
    return run();
  } finally {
    delete array.toJSON;
    delete object.toJSON;
  }
}

describe('plainJson', () => {
  it('writes what JSON.stringify writes for any JSON value (fast-check)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(plainJson(value)).to.equal(JSON.stringify(value));
    }), { numRuns: 1000 });
  });

  it('leaves out undefined and functions as JSON.stringify does, and writes non-finite numbers as null', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, NaN, Infinity, 1], d: 'x' };
    expect(plainJson(value)).to.equal(JSON.stringify(value));
  });

  it('is not bent by patched built-ins (Prototype.js Array.prototype.toJSON, Object.prototype.toJSON)', () => {
    const value = { '@type': 'Event', image: ['https://example.org/a.png'], location: { geo: { latitude: -20.9 } }, tags: [] };
    const expected = JSON.stringify(value);
    const patched = withPatchedBuiltIns(() => ({ ours: plainJson(value), theirs: JSON.stringify(value) }));
    expect(patched.theirs).to.not.equal(expected);
    expect(patched.ours).to.equal(expected);
  });
});
