/**
 * schema.org `Event`s for what the agenda shows, written into the host's light DOM where search
 * engines read them (`no-jsonld` turns it off) by the shared `JsonLdController` (shared/jsonld.ts).
 * Loaded with the agenda: unlike the .ics export, it is needed on every update.
 */
import type { CivicEvent } from '../../api/index.js';
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

export { JsonLdController, scriptSafeJson } from '../../shared/jsonld.js';
