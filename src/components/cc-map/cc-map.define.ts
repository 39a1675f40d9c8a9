import { defineElement } from '../../shared/define.js';
import { CcMap } from './cc-map.js';

defineElement('cc-map', CcMap);

export { CcMap };

declare global {
  interface HTMLElementTagNameMap {
    'cc-map': CcMap;
  }
}
