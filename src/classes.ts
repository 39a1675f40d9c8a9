/**
 * The element classes without registering any tag: for pages that want their own tag names or a
 * scoped custom-element registry (`customElements.define('my-directory', CcDirectory)`).
 */
export { CcAgenda } from './components/cc-agenda/cc-agenda.js';
export { CcDirectory } from './components/cc-directory/cc-directory.js';
export { CcMap } from './components/cc-map/cc-map.js';
export { CcMarketplace } from './components/cc-marketplace/cc-marketplace.js';
export type { CcEventMap, CcErrorDetail, CcFilterChangeDetail, CcLoadDetail, CcSelectDetail, CcViewChangeDetail } from './shared/events.js';
export { ApiError, type ApiErrorKind } from './api/errors.js';
