// Leaflet 1.9.4's package.json points only at its UMD build; its ES module build is imported by path
// (toolchain notes P3) and typed as the package.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
