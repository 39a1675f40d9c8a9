import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/shared/define.js';

describe('guarded registration', () => {
  it('fault 11: defining a tag twice (two copies of the bundle) never throws and keeps the first', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const tag = `cc-test-${Math.random().toString(36).slice(2, 8)}`;
    const info = console.info;
    const notes: unknown[] = [];
    console.info = (...args: unknown[]) => notes.push(args);
    try {
      defineElement(tag, First);
      expect(() => defineElement(tag, Second)).not.to.throw();
      expect(() => defineElement(tag, Second)).not.to.throw();
      defineElement(tag, First);
    } finally {
      console.info = info;
    }
    expect(customElements.get(tag)).to.equal(First);
    expect(notes).to.have.length(1);
  });
});
