/**
 * Domain types: what widgets use. They never see wire JSON; the normalisers in `normalize/` are the
 * only code that reads it. Every optional fact is `null` when the platform did not give a usable
 * value, so a widget can render "position inconnue" or "date inconnue" without guessing.
 */

/** Communecter's organisation sub-types (`Organization::$types`, plus the 2026 `Cooperative`). */
export const ORGANIZATION_TYPES = ['NGO', 'LocalBusiness', 'Group', 'GovernmentOrganization', 'Cooperative'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** Event types (`Event::$types`). */
export const EVENT_TYPES = [
  'competition', 'concert', 'contest', 'exhibition', 'festival', 'getTogether', 'market', 'meeting',
  'course', 'workshop', 'conference', 'debate', 'film', 'stand', 'crowdfunding', 'others',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** POI types (`Poi::$types`); modern costums add others, kept as plain strings. */
export const POI_TYPES = [
  'compostPickup', 'video', 'sharedLibrary', 'artPiece', 'recoveryCenter', 'trash', 'history',
  'something2See', 'streetArts', 'openScene', 'stand', 'parking', 'other',
] as const;

/** Collections the search endpoint knows and the widgets use. */
export const COLLECTIONS = ['organizations', 'projects', 'events', 'poi', 'classifieds', 'ressources'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export type ElementKind = 'organization' | 'project' | 'event' | 'poi' | 'classified' | 'ressource';

export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

export interface Address {
  readonly street: string | null;
  readonly postalCode: string | null;
  readonly locality: string | null;
  /** ISO 3166-1 alpha-2, upper case ("FR", "RE"). */
  readonly country: string | null;
  readonly insee: string | null;
  /** The commune's document id on the platform (`address.localityId`). */
  readonly cityId: string | null;
  readonly region: string | null;
  readonly department: string | null;
  /** Zone ids: level3 = region, level4 = département (France). */
  readonly level3: string | null;
  readonly level4: string | null;
}

export interface ElementImages {
  /** ~50 px square, for lists. */
  readonly thumb: string | null;
  /** ~400 px, for cards. */
  readonly medium: string | null;
  /** Original upload. */
  readonly full: string | null;
  readonly banner: string | null;
}

/** A description as the platform stores it: Markdown by default, HTML for legacy records. */
export interface RichText {
  readonly format: 'markdown' | 'html';
  readonly source: string;
}

export interface Phone {
  readonly kind: 'fixe' | 'mobile' | 'fax';
  readonly number: string;
  readonly href: string | null;
}

export interface SocialLink {
  readonly network: string;
  readonly url: string;
}

/** A link to another element (organiser, parent). */
export interface ElementRef {
  readonly id: string | null;
  readonly collection: string | null;
  readonly name: string | null;
  readonly slug: string | null;
}

export interface ElementBase {
  readonly kind: ElementKind;
  readonly id: string;
  readonly collection: Collection;
  readonly name: string;
  readonly slug: string | null;
  /** The platform's sub-type (organisation type, event type, POI type, ad type). */
  readonly subType: string | null;
  readonly shortDescription: string | null;
  readonly description: RichText | null;
  readonly tags: readonly string[];
  readonly address: Address | null;
  readonly position: GeoPoint | null;
  readonly images: ElementImages;
  readonly email: string | null;
  /** Safe absolute http(s) URL of the element's own website. */
  readonly website: string | null;
  /**
   * Other safe http(s) addresses of the element: those after the first when `url` holds several
   * ("a ; b ; c"), and for a POI its `urls` too. Never includes `website` twice.
   */
  readonly links: readonly string[];
  readonly phones: readonly Phone[];
  readonly social: readonly SocialLink[];
  readonly created: Date | null;
  readonly updated: Date | null;
  readonly sourceKeys: readonly string[];
}

export interface Organization extends ElementBase {
  readonly kind: 'organization';
  readonly organizationType: OrganizationType | null;
  readonly memberCount: number | null;
  readonly followerCount: number | null;
}

export interface Project extends ElementBase {
  readonly kind: 'project';
  readonly start: Date | null;
  readonly end: Date | null;
  readonly maturity: string | null;
  readonly parent: ElementRef | null;
}

/** One weekly slot of a recurring event (`openingHours`). */
export interface WeeklySlot {
  /** 0 = Monday … 6 = Sunday. */
  readonly day: number;
  /** "HH:MM" in the event's time zone. */
  readonly opens: string;
  readonly closes: string;
}

export interface CivicEvent extends ElementBase {
  readonly kind: 'event';
  readonly eventType: string | null;
  /**
   * Start instant; null when the platform's value was unusable ("date inconnue"). For a recurring
   * event, the first day of the series when the platform gives one (`startDate`), else null: the
   * slots then repeat without a lower bound.
   */
  readonly start: Date | null;
  readonly end: Date | null;
  readonly allDay: boolean;
  /** IANA zone the event was entered in, when the platform says and the browser knows it. */
  readonly timeZone: string | null;
  readonly organizer: ElementRef | null;
  readonly parent: ElementRef | null;
  /** Weekly slots of a recurring event; empty for one-off events. */
  readonly recurrence: readonly WeeklySlot[];
  /**
   * The platform's sort key (`startDateSort`): for a recurring event, the occurrence the row stands
   * for (usually the next one). Informative only: never a bound on the series (see `start`).
   */
  readonly sortDate: Date | null;
  readonly attendeeCount: number | null;
}

export interface Poi extends ElementBase {
  readonly kind: 'poi';
  readonly poiType: string | null;
  readonly parent: ElementRef | null;
}

export type MarketSection = 'forsale' | 'forrent' | 'need' | 'offer';

/** A classified ad, job, or need/offer ("ressource"): the marketplace's items. */
export interface Classified extends ElementBase {
  readonly kind: 'classified' | 'ressource';
  /** `classifieds` (sales, rentals), `ressources` (needs/offers) or `jobs`. */
  readonly marketType: 'classifieds' | 'ressources' | 'jobs';
  readonly section: MarketSection | null;
  readonly category: string | null;
  readonly subCategory: string | null;
  /** A finite, non-negative price; null when absent or not a number ("prix non précisé"). */
  readonly price: number | null;
  /** The price as written when it is text ("gratuit"), for display only. */
  readonly priceText: string | null;
  readonly currency: string | null;
  readonly contactInfo: string | null;
  readonly parent: ElementRef | null;
}

export type CommunecterElement = Organization | Project | CivicEvent | Poi | Classified;

/** Per-type totals from `count`/`countType[]`: collections or organisation sub-types. */
export type Counts = Readonly<Partial<Record<Collection | OrganizationType, number>>>;

export interface SearchPage<T extends CommunecterElement = CommunecterElement> {
  readonly items: readonly T[];
  readonly counts: Counts;
  /** Sum of the counts of the requested types, when the server gave them. */
  readonly total: number | null;
  /** Records the normaliser could not use (no id, no name, wrong shape…). */
  readonly dropped: number;
}
