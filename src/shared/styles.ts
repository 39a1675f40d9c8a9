/**
 * Styles every widget adopts first. The host page is a stranger: reset what inherits into the
 * shadow root (line-height, colour, alignment, direction…, against important page rules too), size in
 * px or em rather than rem (a host may set `html { font-size: 10px }`), and expose the global theming tokens.
 *
 * Global tokens (set them on :root, an ancestor, or the element):
 *   --cc-color-accent, --cc-color-on-accent, --cc-color-text, --cc-color-muted, --cc-color-surface,
 *   --cc-color-surface-alt, --cc-color-border, --cc-color-danger, --cc-font-family,
 *   --cc-font-size, --cc-radius, --cc-space, --cc-focus-ring
 * They are only ever read (with fallbacks), never declared on :host, so overrides on :root work.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    /* Private aliases of the public tokens: read once here, used everywhere below. */
    --_accent: var(--cc-color-accent, #0b6e4f);
    --_on-accent: var(--cc-color-on-accent, #ffffff);
    --_text: var(--cc-color-text, #1f2328);
    --_muted: var(--cc-color-muted, #57606a);
    --_surface: var(--cc-color-surface, #ffffff);
    --_surface-alt: var(--cc-color-surface-alt, #f4f6f8);
    --_border: var(--cc-color-border, #c9d1d9);
    --_danger: var(--cc-color-danger, #b42318);
    --_radius: var(--cc-radius, 8px);
    --_space: var(--cc-space, 16px);
    --_focus-ring: var(--cc-focus-ring, 0 0 0 3px #1a73e8);

    display: block;
    box-sizing: border-box;
    /* Layouts follow the element's width (a container query on its wrapper), which gives the element no
       width of its own: in a flex or grid row of the host page it would shrink to nothing without this. */
    min-width: min(100%, 280px);
    background: var(--_surface);
    contain: layout;

    /* What the host page may change is documented: the tokens above, the parts, the font family, and the
       element's own box (margin, width, position…). Everything else that inherits into the shadow root is
       set here, and marked important: in the cascade an important declaration of a shadow tree's :host wins
       over the page's important ones (for normal declarations the page wins), so a site-wide
       "* { font-size: 30px !important; line-height: 0 }" or "* { writing-mode: vertical-rl }" cannot reach
       inside. The tokens still work: they are the values. */
    color: var(--_text) !important;
    font-family: var(--cc-font-family, inherit);
    font-size: var(--cc-font-size, 16px) !important;
    font-weight: normal !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    font-kerning: auto !important;
    font-feature-settings: normal !important;
    font-variation-settings: normal !important;
    font-size-adjust: none !important;
    font-synthesis: weight style small-caps !important;
    font-optical-sizing: auto !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-align-last: auto !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    text-decoration: none !important;
    text-underline-offset: auto !important;
    text-rendering: auto !important;
    text-orientation: mixed !important;
    text-wrap: wrap !important;
    -webkit-text-fill-color: currentcolor !important;
    -webkit-text-stroke-width: 0 !important;
    white-space: normal !important;
    word-break: normal !important;
    line-break: auto !important;
    hyphens: manual !important;
    overflow-wrap: anywhere !important;
    tab-size: 8 !important;
    /* The widgets' languages (French, English) are written left to right, whatever the page's are. */
    direction: ltr !important;
    writing-mode: horizontal-tb !important;
    unicode-bidi: isolate !important;
    visibility: visible;
    pointer-events: auto !important;
    cursor: auto !important;
    caret-color: auto !important;
    list-style: none !important;
    quotes: auto !important;
    border-collapse: separate !important;
    border-spacing: 0 !important;
    empty-cells: show !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Not "inherit": a host rule like * { box-sizing: content-box } reaches the host element itself
     and would flow in. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  img {
    max-width: none;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus-ring);
  }
  button {
    font: inherit;
    color: inherit;
    line-height: 1.25;
    min-height: 24px;
    min-width: 24px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline: 2px solid CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
