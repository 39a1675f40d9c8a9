/**
 * The roving-focus controller (one tab stop for a grid or group, arrow keys inside), on a probe
 * element: keys move the focus and the host's state, Enter activates, other keys are left alone.
 */
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html } from 'lit';
import { RovingFocusController, linearMove } from '../../src/shared/roving-focus-controller.js';

class RovingProbe extends LitElement {
  static override properties = { current: { state: true } };
  current = 0;
  activated: number[] = [];
  readonly roving = new RovingFocusController<number>(this, {
    current: () => this.current,
    move: (index, event) => linearMove(index, 4, event),
    onMove: (next) => (this.current = next),
    onActivate: (index) => this.activated.push(index),
    focusTarget: () => this.renderRoot.querySelector('[tabindex="0"]'),
  });
  override render() {
    return html`<div role="toolbar" @keydown=${this.roving.handleKeydown}>
      ${[0, 1, 2, 3].map((index) => html`<button type="button" tabindex=${index === this.current ? '0' : '-1'}>${index}</button>`)}
    </div>`;
  }
}
customElements.define('cc-roving-probe', RovingProbe);

describe('roving focus', () => {
  it('moves with arrows, Home and End (wrapping), activates with Enter, ignores other keys', async () => {
    const el = await fixture<RovingProbe>(fixtureHtml`<cc-roving-probe></cc-roving-probe>`);
    const focused = () => el.shadowRoot!.activeElement?.textContent;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[tabindex="0"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused()).to.equal('1');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused()).to.equal('3');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused()).to.equal('0');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused()).to.equal('3');
    expect([...el.shadowRoot!.querySelectorAll('[tabindex="0"]')]).to.have.length(1);
    await sendKeys({ press: 'Enter' });
    expect(el.activated).to.deep.equal([3]);
    await sendKeys({ press: 'a' });
    await el.updateComplete;
    expect(focused()).to.equal('3');
  });

  it('linearMove is null for keys that do not move and for an empty group', () => {
    expect(linearMove(0, 0, new KeyboardEvent('keydown', { key: 'ArrowRight' }))).to.equal(null);
    expect(linearMove(2, 5, new KeyboardEvent('keydown', { key: 'Tab' }))).to.equal(null);
    expect(linearMove(2, 5, new KeyboardEvent('keydown', { key: 'Home' }))).to.equal(0);
  });
});
