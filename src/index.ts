/**
 * The "just works" entry: registers every element (guarded, so loading the bundle twice is
 * harmless). Heavy parts load lazily: the description pipeline (marked + DOMPurify) only when a
 * detail opens.
 */
import './components/cc-agenda/cc-agenda.define.js';
import './components/cc-directory/cc-directory.define.js';
import './components/cc-map/cc-map.define.js';
import './components/cc-marketplace/cc-marketplace.define.js';

export * from './classes.js';
export { version } from './version.js';
