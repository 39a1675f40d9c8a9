/**
 * The shape every translation table has. Platform content is never translated; these are the
 * widgets' own words. Parameterised messages are functions so plurals and word order stay right.
 */
import type { ApiErrorKind } from '../../api/errors.js';
import type { Collection, EventType, OrganizationType } from '../../api/types.js';

export type Locale = 'fr' | 'en';

export interface Translation {
  /** BCP 47 tag handed to Intl. */
  readonly intlLocale: string;
  readonly unknownDate: string;
  readonly unknownPlace: string;
  readonly untitled: string;
  readonly priceUnknown: string;
  readonly organizationTypes: Readonly<Record<OrganizationType, string>>;
  readonly organizationTypesPlural: Readonly<Record<OrganizationType, string>>;
  readonly collections: Readonly<Record<Collection, string>>;
  readonly collectionsPlural: Readonly<Record<Collection, string>>;
  readonly eventTypes: Readonly<Record<EventType, string>>;
  readonly phoneKinds: Readonly<Record<'fixe' | 'mobile' | 'fax', string>>;
  /** "18:00, heure de La Réunion" */
  readonly timeInZone: (time: string, zoneName: string) => string;
  /** The words every element shows (states, filters, pages, details). */
  readonly common: CommonStrings;
  readonly directory: DirectoryStrings;
  readonly agenda: AgendaStrings;
  readonly map: MapStrings;
}

export interface CommonStrings {
  readonly loading: string;
  readonly loadingSlow: string;
  readonly retry: string;
  /** Data kept after a failed refresh: "Données du 1 décembre à 14:02 : la mise à jour a échoué." */
  readonly staleNotice: (when: string) => string;
  /** The same when what is shown was loaded for another view (the previous month, page or search). */
  readonly staleOtherView: (when: string) => string;
  readonly errorTitle: string;
  readonly errors: Readonly<Record<ApiErrorKind, string>>;
  /** "Retry in 2 min", when the server said how long to wait. */
  readonly retryIn: (duration: string) => string;
  /** The server asked to wait longer than the widgets agree to (`asked`); a retry is possible after `duration`. */
  readonly retryCapped: (asked: string, duration: string) => string;
  readonly seeOnCommunecter: string;
  /** Link text that names its target (RGAA 6.1). */
  readonly seeOnCommunecterNamed: (name: string) => string;
  readonly sourceAttribution: string;
  readonly close: string;
  readonly opensInNewWindow: string;
  readonly filtersLabel: string;
  /** Accessible name of a facet chip: "Associations, 12 results". */
  readonly chipLabel: (label: string, count: number) => string;
  readonly activeFilters: string;
  readonly clearAll: string;
  readonly removeFilter: (label: string) => string;
  readonly textFilter: (text: string) => string;
  readonly pagerLabel: string;
  readonly previous: string;
  readonly next: string;
  readonly pageOf: (page: number, pages: number) => string;
  readonly goToPage: (page: number) => string;
  readonly website: string;
  readonly email: string;
  readonly address: string;
  readonly contacts: string;
  readonly social: string;
  readonly tags: string;
  readonly descriptionLoading: string;
  readonly descriptionError: string;
  /** A configuration error: what the visitor reads. */
  readonly configTitle: string;
  /** The button that unfolds the filters on narrow containers: "Filtres (2)". */
  readonly filtersToggle: (chosen: number) => string;
  /** A configuration error: which attribute and value are wrong. */
  readonly configAttribute: (attribute: string, value: string) => string;
}

export interface AgendaStrings {
  /** The skip link at the start of the element: "Passer l'agenda". */
  readonly skip: string;
  readonly label: string;
  readonly views: Readonly<Record<'list' | 'month' | 'week', string>>;
  readonly viewLabel: string;
  readonly previous: Readonly<Record<'list' | 'month' | 'week', string>>;
  readonly next: Readonly<Record<'list' | 'month' | 'week', string>>;
  readonly today: string;
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly typeFacet: string;
  readonly tagFacet: string;
  readonly showPast: string;
  /** Status line: how many events are shown. */
  readonly results: (count: number) => string;
  readonly empty: string;
  readonly emptyWindow: string;
  readonly emptyDay: string;
  readonly allDay: string;
  /** "du 12 au 14 décembre" */
  readonly range: (from: string, to: string) => string;
  /** "jour 2 sur 3" */
  readonly dayOf: (index: number, count: number) => string;
  readonly weekly: string;
  readonly more: (count: number) => string;
  /** What a screen reader hears after a month-grid day's number: " décembre 2026, samedi, 2 événements". */
  readonly dayCell: (monthYear: string, weekday: string, count: number) => string;
  readonly eventsOn: (date: string) => string;
  readonly organizer: string;
  readonly place: string;
  readonly addToCalendar: string;
  readonly downloadIcs: string;
  readonly downloadAllIcs: (count: number) => string;
  readonly google: string;
  readonly outlook: string;
  /** The Outlook link of a weekly event: Outlook's link adds only the one occurrence. */
  readonly outlookOnce: string;
  /** How dates write the first of a month ("1er" in French). */
  readonly firstOfMonth: string;
  readonly seeAll: string;
  readonly weekOf: (date: string) => string;
  readonly gridHelp: string;
}

export interface DirectoryStrings {
  /** The skip link at the start of the element: "Passer l'annuaire". */
  readonly skip: string;
  readonly label: string;
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly typeFacet: string;
  readonly tagFacet: string;
  readonly sortLabel: string;
  readonly sortName: string;
  readonly sortRecent: string;
  /** Status line: how many actors are shown. */
  readonly results: (count: number, total: number | null) => string;
  readonly loadingAll: string;
  readonly empty: string;
  readonly emptyScope: string;
  readonly partial: (shown: number, total: number) => string;
  readonly logoOf: (name: string) => string;
  readonly moreTags: (count: number) => string;
  readonly members: (count: number) => string;
}

export interface MapStrings {
  /** The skip link: "Passer la carte". */
  readonly skip: string;
  readonly label: string;
  /** The map region's name: "Carte : 1 742 lieux". */
  readonly region: (count: number) => string;
  /** "Groupe de 42 lieux : 20 associations, 15 entreprises" (`parts` already joined). */
  readonly clusterName: (count: number, parts: string) => string;
  /** A marker's accessible name: "Le Tiers-Lieu, Association". */
  readonly markerName: (name: string, type: string) => string;
  /** Progress while pages arrive: "12 000 lieux sur 48 000". */
  readonly progress: (loaded: number, total: number | null) => string;
  /** "34 lieux dans cette zone". */
  readonly inView: (count: number) => string;
  /** "1 742 lieux". */
  readonly places: (count: number) => string;
  readonly noPosition: string;
  /** "12 lieux sans position sur la carte". */
  readonly unlocated: (count: number) => string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly panNorth: string;
  readonly panSouth: string;
  readonly panWest: string;
  readonly panEast: string;
  readonly fitAll: string;
  readonly locate: string;
  readonly locateFailed: string;
  readonly controls: string;
  readonly keysHelp: string;
  readonly keys: readonly string[];
  readonly showMap: string;
  readonly showList: string;
  readonly viewLabel: string;
  readonly listLabel: string;
  readonly moreInfo: string;
  /** The list of a cluster that cannot split further: "Les 12 lieux de ce groupe". */
  readonly clusterMembers: (count: number) => string;
  readonly typeFacet: string;
  readonly unavailable: string;
  /** Tiles could not be loaded; the places are still drawn and listed. */
  readonly tilesUnavailable: string;
  readonly empty: string;
  readonly emptyScope: string;
  readonly attribution: string;
  readonly capped: (shown: number) => string;
}
