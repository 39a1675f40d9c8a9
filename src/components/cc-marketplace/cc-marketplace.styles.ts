import { css } from 'lit';

/**
 * Sizes in px and em (never rem: the host may set `html { font-size: 10px }`); targets of 24×24 px at
 * least (WCAG 2.5.8); one column at 320 px. Component tokens are read with a fallback chain and
 * aliased to private names at :host.
 */
export const marketplaceStyles = css`
  :host {
    --_card-min: var(--cc-marketplace-card-min-width, 250px);
    --_card-bg: var(--cc-marketplace-card-background, var(--_surface));
    --_thumb: var(--cc-marketplace-image-size, 72px);
    --_badge-bg: var(--cc-marketplace-badge-background, var(--_surface-alt));
    --_stale-bg: var(--cc-marketplace-stale-background, #fff4d6);
    --_stale-fg: var(--cc-marketplace-stale-color, #5c4300);
    --_price-color: var(--cc-marketplace-price-color, var(--_text));
    --_chip-selected-bg: var(--cc-marketplace-chip-selected-background, var(--cc-chip-selected-background, var(--_accent)));
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
  }

  .price-range {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: end;
  }

  .price-range label {
    display: grid;
    gap: 2px;
    font-size: 0.9em;
  }

  .price-range input {
    width: 7em;
    min-height: 32px;
    font: inherit;
    padding: 2px 6px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_surface);
    color: var(--_text);
  }

  /* Cards: a grid of columns at least --_card-min wide; the list layout is one column of rows. */
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
    gap: 14px;
    padding: 0;
    margin: 0;
    list-style: none;
  }

  .layout-list .list {
    grid-template-columns: minmax(0, 1fr);
    row-gap: 0;
  }

  .item {
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card-bg);
  }

  .layout-list .item {
    flex-direction: row;
    border-width: 0 0 1px;
    border-radius: 0;
  }

  .media {
    flex: none;
    height: 120px;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface-alt);
    display: grid;
    place-items: center;
    overflow: hidden;
  }

  .layout-list .media {
    width: var(--_thumb);
    height: var(--_thumb);
  }

  .media img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  .icon {
    font-size: 2em;
    font-weight: 700;
    color: var(--_muted);
  }

  @container cc (max-width: 599px) {
    .item {
      flex-direction: row;
      padding: 10px;
    }
    .media {
      width: var(--_thumb);
      height: var(--_thumb);
    }
  }

  .body {
    display: grid;
    gap: 4px;
    min-width: 0;
  }

  .body p,
  .dialog p {
    margin: 0;
  }

  .title {
    font-weight: 700;
    font-size: 1.05em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .badge.aged {
    background: var(--_stale-bg);
    color: var(--_stale-fg);
  }

  .path,
  .where,
  .poster {
    font-size: 0.9em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .price {
    font-weight: 700;
    color: var(--_price-color);
  }

  .gallery {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }

  .gallery img {
    display: block;
    width: 160px;
    height: 120px;
    object-fit: cover;
    border-radius: calc(var(--_radius) * 0.5);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }

  .skeleton .bar {
    height: 0.9em;
    border-radius: 3px;
  }

  .skeleton .media,
  .skeleton .bar {
    background: var(--_surface-alt);
  }

  .skeleton .short {
    width: 50%;
  }

  @media (forced-colors: active) {
    .badge.aged {
      border: 1px solid CanvasText;
    }
  }
`;
