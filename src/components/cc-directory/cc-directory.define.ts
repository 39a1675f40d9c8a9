import { defineElement } from '../../shared/define.js';
import { CcDirectory } from './cc-directory.js';

defineElement('cc-directory', CcDirectory);

export { CcDirectory };

declare global {
  interface HTMLElementTagNameMap {
    'cc-directory': CcDirectory;
  }
}
