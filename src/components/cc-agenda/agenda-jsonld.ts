/**
 * schema.org `Event`s for what the agenda shows, written into the host's light DOM where search
 * engines read them (`no-jsonld` turns it off). Loaded with the agenda: unlike the .ics export, it
 * is needed on every update.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CivicEvent } from '../../api/index.js';
import { setScriptText } from '../../shared/trusted-types.js';
import type { Occurrence } from './agenda-model.js';

/** schema.org `Event` objects for the occurrences shown, for search engines reading the host page. */
export function eventJsonLd(occurrences: readonly Occurrence[], urlOf: (event: CivicEvent) => string): object[] {
  return occurrences.map((item) => {
    const event = item.event;
    const address = event.address;
    const json: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: event.name,
      startDate: item.allDay ? item.firstDay : item.start.toISOString(),
      endDate: item.allDay ? item.lastDay : item.end.toISOString(),
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      url: urlOf(event),
    };
    if (event.shortDescription) json.description = event.shortDescription;
    if (event.images.medium) json.image = [event.images.medium];
    if (address || event.position) {
      json.location = {
        '@type': 'Place',
        name: address?.locality ?? event.name,
        ...(address
          ? {
              address: {
                '@type': 'PostalAddress',
                ...(address.street ? { streetAddress: address.street } : {}),
                ...(address.postalCode ? { postalCode: address.postalCode } : {}),
                ...(address.locality ? { addressLocality: address.locality } : {}),
                ...(address.country ? { addressCountry: address.country } : {}),
              },
            }
          : {}),
        ...(event.position ? { geo: { '@type': 'GeoCoordinates', latitude: event.position.lat, longitude: event.position.lng } } : {}),
      };
    }
    if (event.organizer?.name) json.organizer = { '@type': 'Organization', name: event.organizer.name };
    return json;
  });
}

/**
 * JSON for inside a `<script type="application/ld+json">`: `<`, `>`, `&` and the JavaScript line
 * separators escaped, so no value can close the script element or start a comment.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Keeps one `<script type="application/ld+json">` child of the host in step with `shown()`. */
export class JsonLdController implements ReactiveController {
  private script: HTMLScriptElement | null = null;
  private written = '';
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly shown: () => readonly Occurrence[];
  private readonly urlOf: (event: CivicEvent) => string;

  constructor(host: ReactiveControllerHost & HTMLElement, shown: () => readonly Occurrence[], urlOf: (event: CivicEvent) => string) {
    this.host = host;
    this.shown = shown;
    this.urlOf = urlOf;
    host.addController(this);
  }

  hostUpdated(): void {
    const shown = this.shown();
    if (shown.length === 0) {
      this.script?.remove();
      this.script = null;
      this.written = '';
      return;
    }
    const text = scriptSafeJson(eventJsonLd(shown, this.urlOf));
    if (!this.script) {
      this.script = document.createElement('script');
      this.script.type = 'application/ld+json';
      this.script.dataset.ccAgenda = '';
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
