import { css } from 'lit';

/**
 * Styles of the shared UI pieces (`ui.ts`): form controls, chips, buttons, status, empty and error
 * states, the detail dialog. Sizes in px and em, never rem; targets at least 24×24 px.
 * Component token: --cc-chip-selected-background (default: the accent).
 */
export const uiStyles = css`
  :host {
    --_chip-selected-bg: var(--cc-chip-selected-background, var(--_accent));
    --_badge-bg: var(--_surface-alt);
  }

  /* Layouts follow the element's own width (a widget often sits in a narrow column of a wide page). */
  .base {
    container: cc / inline-size;
  }

  .controls {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }

  .skip-link:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }

  .skip-link:focus {
    display: inline-block;
    justify-self: start;
    padding: 4px 8px;
  }

  .skip-target {
    display: block;
    height: 0;
    outline: none;
  }

  .button.filters-toggle {
    display: none;
    justify-self: start;
  }

  @container cc (max-width: 599px) {
    .button.filters-toggle {
      display: inline-flex;
    }
    .facets:not(.open) {
      display: none;
    }
  }

  label,
  legend,
  .active-label {
    font-weight: 600;
  }

  .search {
    display: grid;
    gap: 4px;
  }

  input[type='search'],
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.4em 0.6em;
    min-height: 44px;
    width: 100%;
    max-width: 40em;
  }

  .sort {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }

  .sort select {
    width: auto;
  }

  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-bottom: 4px;
  }

  .facets {
    display: grid;
    gap: 8px;
  }

  .chips,
  .tags,
  .plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 2px 12px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }

  .chip[aria-pressed='true'] {
    background: var(--_chip-selected-bg);
    border-color: var(--_chip-selected-bg);
    color: var(--_on-accent);
  }

  .chip .count {
    font-size: 0.85em;
    opacity: 0.85;
  }

  .active-filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
  }

  .link-button {
    background: none;
    border: 0;
    padding: 4px;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 36px;
    padding: 6px 14px;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
    text-decoration: none;
  }

  .button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: default;
  }

  .status {
    margin: 0;
    color: var(--_muted);
  }

  .meta,
  .excerpt,
  .contacts,
  .lead {
    margin: 0;
  }

  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .badge {
    display: inline-block;
    padding: 0 8px;
    border-radius: 999px;
    background: var(--_badge-bg);
    color: var(--_text);
    font-size: 0.85em;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
    color: var(--_muted);
    font-size: 0.85em;
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 12px;
    margin-top: var(--_space);
  }

  .empty,
  .error {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .error {
    border-left: 4px solid var(--_danger);
  }

  /* Kept data after a failed refresh: a quiet band above the results, not an error box. */
  .stale {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    margin: 0;
    padding: 8px 12px;
    border-left: 4px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .error-title {
    font-weight: 700;
  }

  .error-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 12px;
  }

  .dialog {
    width: min(42em, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    overflow: auto;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    line-height: 1.5;
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  .dialog-header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 12px;
  }

  .dialog h2 {
    margin: 0;
    font-size: 1.4em;
    line-height: 1.25;
  }

  .dialog h3 {
    font-size: 1.05em;
    margin: 1em 0 0.25em;
  }

  .close {
    flex: none;
    width: 44px;
    height: 44px;
    font-size: 1.5em;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
    cursor: pointer;
  }

  .detail-image {
    float: right;
    margin: 0 0 8px 12px;
    width: 120px;
    height: 120px;
    object-fit: contain;
  }

  /* On a phone, a floated image would leave the text a column a few words wide. */
  @container cc (max-width: 599px) {
    .detail-image {
      float: none;
      display: block;
      margin: 0 0 8px;
    }
  }

  .description {
    overflow-wrap: anywhere;
  }

  .description :is(h3, h4, h5, h6) {
    font-size: 1em;
  }

  address {
    font-style: normal;
  }

  .muted {
    color: var(--_muted);
  }

  .source {
    font-size: 0.85em;
  }

  .dialog-footer {
    margin-top: var(--_space);
  }

  @media (forced-colors: active) {
    .chip[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
  }

  /* An item's linked title (cards, event lines, popups): underlined, quietly until hovered. */
  .title a {
    color: var(--_text);
    text-decoration: underline;
    text-decoration-color: var(--_border);
    text-underline-offset: 3px;
  }

  .title a:hover {
    text-decoration-color: currentColor;
  }
`;
