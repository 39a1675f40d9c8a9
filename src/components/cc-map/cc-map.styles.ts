import { css } from 'lit';

/**
 * The map's own styles (Leaflet's are adopted by the lazy chunk). Category colours are tokens
 * (`--_c0` … `--_c8`) with a shape per category (circle, square, diamond, rounded square, hexagon…),
 * so colour is never the only carrier; clusters draw their donut from the same tokens. Targets are at
 * least 24 × 24 px; nothing moves under `prefers-reduced-motion`.
 */
export const mapStyles = css`
  /* Leaflet sizes its container's text in rem (0.75rem): a host page's html { font-size } reached inside
     the map (30 px text under a hostile sheet). The same size in px; this sheet comes after Leaflet's. */
  .leaflet-container {
    font-size: 12px;
  }

  :host {
    --_map-height: var(--cc-map-height, auto);
    --_map-ratio: var(--cc-map-aspect-ratio, 4 / 3);
    --_cluster: var(--cc-map-cluster-size, 40px);
    --_marker: var(--cc-map-marker-size, 24px);
    --_tiles-bg: var(--cc-map-tiles-background, #dfe9ee);
    --_c0: #0b6e4f;
    --_c1: #b35c00;
    --_c2: #1f4e99;
    --_c3: #7a3e9d;
    --_c4: #a3174d;
    --_c5: #4d5b68;
    --_c6: #8a6d00;
    --_c7: #c22f2f;
    --_c8: #00707a;
  }
  .base {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .panes {
    display: grid;
    gap: var(--_space);
  }
  .layout-side .panes {
    grid-template-columns: minmax(0, 2fr) minmax(240px, 1fr);
    align-items: start;
  }
  .map-box {
    position: relative;
  }
  .map {
    height: var(--_map-height);
    aspect-ratio: var(--_map-ratio);
    min-height: 240px;
    width: 100%;
    background: var(--_tiles-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .cc-overlay {
    position: absolute;
    left: 0;
    top: 0;
  }
  .cluster,
  .marker {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: auto;
    padding: 0;
    border: 2px solid #fff;
    cursor: pointer;
    font: inherit;
  }
  .cluster {
    width: var(--_cluster);
    height: var(--_cluster);
    margin: calc(var(--_cluster) / -2) 0 0 calc(var(--_cluster) / -2);
    border-radius: 50%;
    background: radial-gradient(circle, #fff 0 55%, transparent 56%), var(--_donut, var(--_accent));
    color: #1f2328;
    font-size: 13px;
    font-weight: 700;
    box-shadow: 0 1px 4px rgb(0 0 0 / 45%);
  }
  .marker {
    width: var(--_marker);
    height: var(--_marker);
    margin: calc(var(--_marker) / -2) 0 0 calc(var(--_marker) / -2);
    background: var(--_c);
    border-radius: 50%;
    box-shadow: 0 1px 3px rgb(0 0 0 / 50%);
  }
  .marker[aria-pressed='true'] {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
  }
  .cluster:focus-visible,
  .marker:focus-visible,
  .control:focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
    z-index: 1;
  }
  .c0 { --_c: var(--_c0); }
  .c1 { --_c: var(--_c1); border-radius: 3px; }
  .c2 { --_c: var(--_c2); border-radius: 2px; transform: rotate(45deg) scale(0.85); }
  .c3 { --_c: var(--_c3); border-radius: 50% 50% 50% 0; }
  .c4 { --_c: var(--_c4); border-radius: 50% 0; }
  .c5 { --_c: var(--_c5); border-radius: 6px; }
  .c6 { --_c: var(--_c6); border-radius: 0 50%; }
  .c7 { --_c: var(--_c7); border-radius: 50% 50% 0 50%; }
  .c8 { --_c: var(--_c8); border-radius: 0; }
  .marker.c2 {
    transform: none;
    clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%);
    border-radius: 0;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    margin-inline-end: 6px;
    background: var(--_c);
    vertical-align: -1px;
  }
  .swatch.c2 {
    clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%);
    transform: none;
  }
  .controls-bar {
    position: absolute;
    top: 8px;
    right: 8px;
    z-index: 1000;
    display: grid;
    grid-template-columns: repeat(2, 32px);
    gap: 4px;
  }
  .control {
    width: 32px;
    height: 32px;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
    color: var(--_text);
    font-size: 18px;
    line-height: 1;
    cursor: pointer;
  }
  /* Over the top of the map, where no control sits: the places stay visible below it. */
  .tiles-notice {
    position: absolute;
    top: 8px;
    left: 8px;
    z-index: 1000;
    max-width: calc(100% - 96px);
    margin: 0;
    padding: 4px 8px;
    border-left: 4px solid var(--_muted);
    border-radius: 4px;
    background: rgb(255 255 255 / 95%);
    color: #1f2328;
    font-size: 13px;
  }

  .attribution {
    position: absolute;
    right: 0;
    bottom: 0;
    z-index: 1000;
    margin: 0;
    padding: 2px 6px;
    background: rgb(255 255 255 / 90%);
    color: #1f2328;
    font-size: 12px;
  }
  .attribution a {
    display: inline-block;
    min-height: 24px;
    line-height: 24px;
    color: #0a4f8a;
  }
  .keys {
    margin-top: 6px;
    font-size: 0.9em;
  }
  .keys summary {
    cursor: pointer;
    min-height: 24px;
  }
  .popup {
    position: absolute;
    left: 0;
    top: 0;
    z-index: 2;
    pointer-events: auto;
  }
  .popup-body {
    width: min(280px, 70vw);
    transform: translate(-50%, calc(-100% - 20px));
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 3px 14px rgb(0 0 0 / 35%);
    padding: 10px 12px;
    font-size: 14px;
    max-height: 320px;
    overflow: auto;
  }
  .popup-head {
    display: flex;
    gap: 8px;
    align-items: flex-start;
  }
  .popup-title {
    flex: 1;
    margin: 0;
    font-weight: 700;
  }
  .popup-image {
    border-radius: 4px;
    object-fit: cover;
  }
  .popup-close {
    min-width: 24px;
    min-height: 24px;
  }
  .popup p {
    margin: 6px 0 0;
  }
  .popup-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .members button {
    min-height: 24px;
    text-align: start;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 0.9em;
  }
  .list-title {
    margin: 0 0 6px;
    font-size: 1em;
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry {
    padding: 4px 0;
    border-bottom: 1px solid var(--_border);
  }
  .entry.selected {
    background: var(--_surface-alt);
  }
  .entry-name {
    min-height: 24px;
    text-align: start;
    font-weight: 600;
  }
  .entry-meta,
  .muted,
  .unlocated {
    color: var(--_muted);
  }
  .view-switch {
    display: flex;
    gap: 6px;
  }
  .view-switch [aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .status {
    margin: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    .map *,
    .popup {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    .marker,
    .cluster {
      forced-color-adjust: none;
      border-color: CanvasText;
    }
    .marker:focus-visible,
    .cluster:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
