import { defineElement } from '../../shared/define.js';
import { CcAgenda } from './cc-agenda.js';

defineElement('cc-agenda', CcAgenda);

export { CcAgenda };

declare global {
  interface HTMLElementTagNameMap {
    'cc-agenda': CcAgenda;
  }
}
