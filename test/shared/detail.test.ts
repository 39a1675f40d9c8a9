/**
 * The detail dialog's close event is queued after `close()`: an item opened before it arrives (a host
 * script selecting right after closing) stays open.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-directory/cc-directory.define.js';
import { recordEvents, sandboxUrl, settled } from '../helpers.js';

describe('the detail dialog', () => {
  beforeEach(() => resetClientState());

  it('closing one detail and opening another at once leaves the second open', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(html`<cc-directory api-base=${sandboxUrl()} insee="97413" page-size="4"></cc-directory>`);
    recordEvents(el);
    await settled(el);
    const links = () => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="item-title"] a')];
    links()[0]!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog')?.open === true);
    const second = links()[1]!.textContent!.trim();
    el.shadowRoot!.querySelector('dialog')!.close();
    links()[1]!.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog');
    expect(dialog?.open).to.equal(true);
    expect(dialog!.querySelector('.detail-title')!.textContent!.trim()).to.equal(second);
  });
});
