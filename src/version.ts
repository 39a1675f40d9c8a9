// Generated from package.json by scripts/version.mjs (npm run build, npm version): do not edit.
/** The version of the communecter-widgets package this code was built from (semantic versioning). */
export const version: string = '0.1.0';
