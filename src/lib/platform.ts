/** Where the platform is, unless an element says otherwise (`api-base`, `link-base`). */
export const DEFAULT_API_BASE = 'https://www.communecter.org';
/** Where "see on Communecter" links go (a costum domain works too). */
export const DEFAULT_LINK_BASE = 'https://www.communecter.org';
