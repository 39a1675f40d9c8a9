import { css } from 'lit';

/**
 * Sizes are in px and em (never rem: a host page may set `html { font-size: 10px }`). Targets are
 * at least 24×24 px (WCAG 2.5.8); the grid reflows to one column at 320 px.
 */
export const directoryStyles = css`
  :host {
    --_card-min: var(--cc-directory-card-min-width, 260px);
    --_card-bg: var(--cc-directory-card-background, var(--_surface));
    --_image-size: var(--cc-directory-image-size, 64px);
    --_badge-bg: var(--cc-directory-badge-background, var(--_surface-alt));
    --_chip-selected-bg: var(--cc-directory-chip-selected-background, var(--cc-chip-selected-background, var(--_accent)));
  }

  .base {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
  }

  .layout-list .list {
    grid-template-columns: 1fr;
    gap: 0;
  }

  .item {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: calc(var(--_space) * 0.75);
    background: var(--_card-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }

  .layout-list .item {
    flex-direction: row;
    align-items: flex-start;
    border-radius: 0;
    border-width: 0 0 1px;
  }

  .media {
    flex: none;
    width: 100%;
    height: 112px;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface-alt);
    display: flex;
    align-items: center;
    justify-content: center;
    overflow: hidden;
  }

  .layout-list .media {
    width: var(--_image-size);
    height: var(--_image-size);
  }

  .media img {
    width: 100%;
    height: 100%;
    object-fit: contain;
    display: block;
  }

  /* Narrow containers (a phone, a sidebar): a card is a row, a small logo beside the text. */
  @container cc (max-width: 599px) {
    .list {
      gap: 8px;
    }
    .item {
      flex-direction: row;
      align-items: flex-start;
      gap: 8px;
      padding: 10px 12px;
    }
    .media {
      width: var(--_image-size);
      height: var(--_image-size);
    }
  }

  .body {
    display: grid;
    gap: 6px;
    min-width: 0;
  }

  .title {
    font-size: 1.1em;
    font-weight: 700;
    line-height: 1.3;
  }

  .contacts {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    font-size: 0.9em;
  }

  .contacts a {
    display: inline-block;
    min-height: 24px;
    padding: 2px 0;
  }

  .skeleton .media,
  .skeleton .bar {
    background: var(--_surface-alt);
  }

  .skeleton .bar {
    height: 1em;
    border-radius: 4px;
  }

  .skeleton .bar.short {
    width: 60%;
  }

`;
