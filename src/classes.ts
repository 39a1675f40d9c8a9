/**
 * The element classes without registering any tag: for pages that want their own tag names or a
 * scoped custom-element registry (`customElements.define('my-directory', CcDirectory)`).
 */
export { CcDirectory } from './components/cc-directory/cc-directory.js';
export type { CcEventMap, CcErrorDetail, CcFilterChangeDetail, CcLoadDetail, CcSelectDetail } from './shared/events.js';
export { ApiError, type ApiErrorKind } from './api/errors.js';
