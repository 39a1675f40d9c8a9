import { css } from 'lit';

/**
 * px and em only (never rem); the month grid scrolls sideways inside its own box below 320 px rather
 * than overflowing the page, and the list reflows to one column.
 */
export const agendaStyles = css`
  :host {
    --_date-color: var(--cc-agenda-date-color, var(--_accent));
    --_today-bg: var(--cc-agenda-today-background, var(--_surface-alt));
    --_cell-min: var(--cc-agenda-cell-min-height, 84px);
  }

  .base {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
  }

  .nav,
  .views {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }

  .button.icon {
    min-width: 44px;
    justify-content: center;
    font-size: 1.2em;
  }

  .button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .period {
    margin: 0;
    font-weight: 700;
    font-size: 1.1em;
  }

  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    font-weight: normal;
    min-height: 24px;
  }

  .toggle input {
    width: 20px;
    height: 20px;
    margin: 0;
  }

  .list {
    display: grid;
    gap: var(--_space);
  }

  .day {
    font-weight: 700;
    color: var(--_date-color);
    margin: 0 0 6px;
    text-transform: none;
  }

  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }

  .item {
    display: grid;
    gap: 2px;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_date-color);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    min-width: 0;
  }

  .item p {
    margin: 0;
  }

  .when {
    color: var(--_date-color);
    font-size: 0.9em;
    font-weight: 600;
  }

  .title {
    font-weight: 700;
  }

  .compact .item {
    border-left-width: 3px;
  }

  .more {
    margin: 0;
  }

  .grid {
    display: grid;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-x: auto;
  }

  .grid-row {
    display: grid;
    grid-template-columns: repeat(7, minmax(40px, 1fr));
  }

  .colhead {
    padding: 4px;
    text-align: center;
    font-size: 0.85em;
    font-weight: 700;
    color: var(--_muted);
    border-bottom: 1px solid var(--_border);
  }

  .colhead abbr {
    text-decoration: none;
  }

  .cell {
    min-height: var(--_cell-min);
    padding: 4px;
    border-right: 1px solid var(--_border);
    border-bottom: 1px solid var(--_border);
    display: flex;
    flex-direction: column;
    gap: 2px;
    overflow: hidden;
    cursor: pointer;
    min-width: 0;
  }

  .cell.outside {
    color: var(--_muted);
    background: var(--_surface-alt);
  }

  .cell.today {
    background: var(--_today-bg);
  }

  .cell[aria-selected='true'] {
    box-shadow: inset 0 0 0 2px var(--_accent);
  }

  .cell:focus-visible {
    box-shadow: var(--_focus-ring);
  }

  .num {
    font-weight: 700;
    font-size: 0.9em;
  }

  /* An event title in a cell: up to two lines, cut between words, never to a few letters. */
  .chip-event {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    font-size: 0.78em;
    line-height: 1.3;
    padding: 1px 4px;
    border-radius: 4px;
    background: var(--_surface-alt);
    border-left: 3px solid var(--_date-color);
    overflow: hidden;
    overflow-wrap: normal;
    word-break: normal;
    hyphens: manual;
  }


  /* A narrow month: day numbers and how many events, the chosen day's events in full below. */
  @container cc (max-width: 719px) {
    .cell {
      min-height: 48px;
      align-items: center;
    }
    .chip-event,
    .more-count {
      display: none;
    }
    /* The day's event count; "/ ''": not read out, the cell's own text already says it. */
    .cell[data-count]::after {
      content: attr(data-count) / '';
      display: inline-block;
      min-width: 1.6em;
      padding: 0 4px;
      border-radius: 999px;
      background: var(--_date-color);
      color: var(--_on-accent);
      font-size: 0.75em;
      font-weight: 700;
      text-align: center;
    }
  }

  .more-count {
    font-size: 0.78em;
    color: var(--_muted);
    margin: 0;
  }

  .day-panel {
    display: grid;
    gap: 6px;
  }

  /* A week: one day under the other when narrow, seven columns when there is room for them. */
  .week {
    display: grid;
    gap: 12px;
    grid-template-columns: minmax(0, 1fr);
  }

  @container cc (min-width: 840px) {
    .week {
      grid-template-columns: repeat(7, minmax(0, 1fr));
      gap: 8px;
    }
  }

  .week-day {
    min-width: 0;
  }

  .week-day.today .day {
    text-decoration: underline;
  }

  .when-detail {
    color: var(--_date-color);
    font-weight: 600;
  }

  .calendar-links {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
  }

  .ics-all {
    margin: 0;
  }
`;
