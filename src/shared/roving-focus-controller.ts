/**
 * Roving focus (one tab stop for a whole grid or group, arrow keys inside), as WAI-ARIA's grid and
 * composite patterns describe and material-web's list controller does. Generic over what a position
 * is: a day of a month grid, a marker of a map, a chip of a group. The host says how a key moves
 * from a position, applies the move to its own state, and renders `tabindex="0"` on the new one;
 * the controller gives that element focus once the update is done.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RovingFocusOptions<K> {
  /** The position that has (or would have) focus. */
  readonly current: () => K;
  /** The position a key leads to from `current`, or null when the key is not a move. */
  readonly move: (current: K, event: KeyboardEvent) => K | null;
  /** Applies the move to the host's state (the host re-renders). */
  readonly onMove: (next: K) => void;
  /** Enter or Space on the current position. */
  readonly onActivate?: (current: K, event: KeyboardEvent) => void;
  /** The element to focus after the update (the one rendered with `tabindex="0"`). */
  readonly focusTarget: () => HTMLElement | null;
}

export class RovingFocusController<K> implements ReactiveController {
  private pendingFocus = false;
  private readonly host: ReactiveControllerHost;
  private readonly options: RovingFocusOptions<K>;

  constructor(host: ReactiveControllerHost, options: RovingFocusOptions<K>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The keydown listener of the grid or group. */
  readonly handleKeydown = (event: KeyboardEvent): void => {
    const current = this.options.current();
    if ((event.key === 'Enter' || event.key === ' ') && this.options.onActivate) {
      event.preventDefault();
      this.options.onActivate(current, event);
      return;
    }
    const next = this.options.move(current, event);
    if (next === null) return;
    event.preventDefault();
    this.pendingFocus = true;
    this.options.onMove(next);
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    if (!this.pendingFocus) return;
    this.pendingFocus = false;
    this.options.focusTarget()?.focus();
  }
}

/** Arrow keys, Home and End over `count` positions in a row (or a column); wraps around. */
export function linearMove(index: number, count: number, event: KeyboardEvent): number | null {
  if (count <= 0) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Roving tabindex for a group of buttons managed by the DOM alone (a chip group): the template gives
 * `tabindex="0"` to one button (the chosen one, else the first) and "-1" to the others, and binds this
 * to the group's keydown. Arrow keys, Home and End move the focus and the tab stop along.
 */
export function rovingGroupKeydown(event: KeyboardEvent): void {
  const group = event.currentTarget as HTMLElement;
  const buttons = [...group.querySelectorAll<HTMLButtonElement>('button')];
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  const next = linearMove(index, buttons.length, event);
  if (next === null) return;
  event.preventDefault();
  buttons[index]!.tabIndex = -1;
  buttons[next]!.tabIndex = 0;
  buttons[next]!.focus();
}
