/**
 * schema.org JSON-LD in the host's light DOM, where search engines read it: one
 * `<script type="application/ld+json">` child per element, kept in step with what the element shows
 * (the agenda's events, the marketplace's offers). Each element builds its own objects.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { plainJson } from '../lib/json.js';
import { setScriptText } from './trusted-types.js';

/**
 * JSON for inside a `<script type="application/ld+json">`: `<`, `>`, `&` and the JavaScript line
 * separators escaped, so no value can close the script element or start a comment. Written by
 * `plainJson`, which a page's patched built-ins (Prototype.js's `Array.prototype.toJSON`) cannot bend.
 */
export function scriptSafeJson(value: unknown): string {
  return plainJson(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Keeps one JSON-LD script child of the host in step with `objects()` (none when it is empty). */
export class JsonLdController implements ReactiveController {
  private script: HTMLScriptElement | null = null;
  private written = '';
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly objects: () => readonly object[];
  /** `data-*` name marking the script as the element's own (e.g. `ccAgenda` → `data-cc-agenda`). */
  private readonly marker: string;

  constructor(host: ReactiveControllerHost & HTMLElement, objects: () => readonly object[], marker: string) {
    this.host = host;
    this.objects = objects;
    this.marker = marker;
    host.addController(this);
  }

  hostUpdated(): void {
    const objects = this.objects();
    if (objects.length === 0) {
      this.script?.remove();
      this.script = null;
      this.written = '';
      return;
    }
    const text = scriptSafeJson(objects);
    if (!this.script) {
      this.script = document.createElement('script');
      this.script.type = 'application/ld+json';
      this.script.dataset[this.marker] = '';
    }
    if (this.written !== text) {
      // Under Trusted Types a refused policy means no JSON-LD, not an error on every update.
      if (!setScriptText(this.script, text)) {
        this.script.remove();
        this.script = null;
        this.written = '';
        return;
      }
      this.written = text;
    }
    if (this.script.parentNode !== this.host) this.host.append(this.script);
  }
}
