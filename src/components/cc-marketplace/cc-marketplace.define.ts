import { defineElement } from '../../shared/define.js';
import { CcMarketplace } from './cc-marketplace.js';

defineElement('cc-marketplace', CcMarketplace);

export { CcMarketplace };

declare global {
  interface HTMLElementTagNameMap {
    'cc-marketplace': CcMarketplace;
  }
}
