/**
 * Marketplace records (contract 4.6, overridden by 15b items 7-10) → `MarketItem`s: classified ads,
 * mutual-aid needs and offers (`ressources`) and jobs, all from the one `classifieds` collection.
 *
 * The real records are dirty, and the rules here are the marketplace's privacy and honesty rules:
 * - Known misspellings and old keys are mapped (`ressoures`, `vehicules`, `lookingfor`…); a category
 *   and sub-type written the wrong way round are swapped back; unknown values are kept, under "other",
 *   with the value as written, and never make a record disappear.
 * - Private (`preferences.private`) and `deleted`/`uncomplete` records are dropped, whatever the server
 *   returned.
 * - Contacts never leave this module unless the caller asks for them (`contacts: true`), and then only
 *   an organisation's: a private person's `contactInfo` is never returned. E-mail addresses and phone
 *   numbers written in titles, descriptions and keywords are replaced by `CONTACT_MASK`.
 * - A private person is never named (the poster is "a private person"); the place is the commune, never
 *   the street.
 */
import { toText } from '../../lib/text.js';
import { toImageSrc } from '../../lib/url.js';
import type { RichText } from '../types.js';
import { field, isRecord, toAddress, toDate, toId, toPrice, toRichText, toSlug, toTags, type WireRecord } from './primitives.js';

export const MARKET_KINDS = ['ressources', 'classifieds', 'jobs'] as const;
export type MarketKind = (typeof MARKET_KINDS)[number];

/** Sections as shown; `other` holds what the platform wrote and nobody knows. */
export const MARKET_SECTIONS = ['need', 'offer', 'forsale', 'forrent', 'donation', 'sharing', 'other'] as const;
export type MarketSection = (typeof MARKET_SECTIONS)[number];

/** The platform's category trees (pixelhumain/eco assets/js/{classifieds,ressources,jobs}/categories.json). */
const tree = (lists: Readonly<Record<string, string>>): Readonly<Record<string, readonly string[]>> =>
  Object.fromEntries(Object.entries(lists).map(([category, subs]) => [category, subs ? subs.split(' ') : []]));

/** The platform's category trees (pixelhumain/eco assets/js/{classifieds,ressources,jobs}/categories.json), sub-types space-separated. */
export const MARKET_CATEGORIES: Readonly<Record<MarketKind, Readonly<Record<string, readonly string[]>>>> = {
  classifieds: /* @__PURE__ */ tree({
    technology: 'tvVideo it touchpads telephony camera audiodevice',
    property: 'house flat ground parking office',
    vehicles: 'car suv utility moto scooter boat smallcar bikes carequipment 2wheeledequipment boatequipment bikeequipment',
    home: 'householdappliances furniture babyequipment animals various',
    leisure: 'sports musicalinstrument soundsystem cddvd toys games bookscomics collections diy gardening artdeco modelmaking childcare animals various',
    fashion: 'clothes shoes accessories watches jewels',
  }),
  ressources: /* @__PURE__ */ tree({
    service: 'charity education househelp washing gardening farming generalmaintenance childrencare ederlycare disabledcare hostinghelp animalcare',
    competence: 'artistic laws itdevlopment handcraft animalcare agriculture restauration building',
    material: 'electronic furniture primaryressources buildingtools gardeningtools medicalstuff',
  }),
  jobs: /* @__PURE__ */ tree({ joboffer: '', training: '', internship: '' }),
};

/** Jobs' sectors: the sub-types of every job category. */
// Built at load time: the annotations tell the bundler it has no side effect, so pages without a marketplace drop it.
export const JOB_SECTORS: readonly string[] = /* @__PURE__ */ (
  'purComptManagement artsCrafts bankInsurance spectacle sport buildingPublicWorks tradeSales communicationMultimedia environment ' +
  'agriculture fishing animalCare hotelCatering tourismAnimation property industry education itTelecommunication installationMaintenance ' +
  'humanRessource health assistanatSecretariat personalServices publicService rDEngineering transportLogistic armySecurity'
).split(' ');

/** Written instead of an e-mail address or a phone number in platform text (the element translates it). */
export const CONTACT_MASK = '[contact sur Communecter]';

const KIND_ALIASES: Readonly<Record<string, MarketKind>> = {
  classifieds: 'classifieds', classified: 'classifieds', annonce: 'classifieds', annonces: 'classifieds',
  ressources: 'ressources', ressource: 'ressources', ressoures: 'ressources', ressouces: 'ressources', resources: 'ressources', resource: 'ressources',
  jobs: 'jobs', job: 'jobs', emploi: 'jobs', emplois: 'jobs',
};

const SECTION_ALIASES: Readonly<Record<string, MarketSection>> = {
  need: 'need', needs: 'need', lookingfor: 'need', besoin: 'need', besoins: 'need', demande: 'need',
  offer: 'offer', offers: 'offer', offre: 'offer', offres: 'offer',
  forsale: 'forsale', sale: 'forsale', vente: 'forsale', vendre: 'forsale',
  forrent: 'forrent', rent: 'forrent', location: 'forrent', louer: 'forrent',
  donation: 'donation', don: 'donation', donner: 'donation',
  sharing: 'sharing', partage: 'sharing', partager: 'sharing',
};

const CATEGORY_ALIASES: Readonly<Record<string, string>> = {
  vehicules: 'vehicles', véhicules: 'vehicles', vehicule: 'vehicles', véhicule: 'vehicles',
  technologie: 'technology', technolgy: 'technology', technologies: 'technology',
  immobilier: 'property', maison: 'home', loisirs: 'leisure', mode: 'fashion',
  services: 'service', competences: 'competence', compétence: 'competence', compétences: 'competence',
  materiel: 'material', matériel: 'material', materials: 'material',
  job: 'joboffer', offre: 'joboffer', formation: 'training', stage: 'internship',
};

export interface MarketPoster {
  /** `person` posters are never named. */
  readonly kind: 'organization' | 'project' | 'person' | 'unknown';
  readonly id: string | null;
  readonly collection: string | null;
  /** The organisation's or project's name; always null for a person. */
  readonly name: string | null;
  readonly slug: string | null;
}

export interface MarketItem {
  readonly id: string;
  /** For "see on Communecter" links: the ad's page (`#page.type.classifieds.id.…`). */
  readonly collection: 'classifieds';
  readonly slug: null;
  readonly name: string;
  readonly marketKind: MarketKind;
  readonly section: MarketSection;
  /** The section as written when it was not one of the known ones ("other"). */
  readonly sectionRaw: string | null;
  /** A known key of the kind's tree, or `other`. */
  readonly category: string;
  /** The category as written when unknown ("other"). */
  readonly categoryRaw: string | null;
  /** A known sub-type key, `other` for an unknown one (then `subCategoryRaw`), or null when none. */
  readonly subCategory: string | null;
  readonly subCategoryRaw: string | null;
  readonly price: number | null;
  /** The currency as the platform writes it, canonical for the known ones (`€`, `Ğ1`, `CFP`, `$`, `£`), else as written. */
  readonly currency: string | null;
  readonly description: RichText | null;
  readonly tags: readonly string[];
  readonly locality: string | null;
  readonly postalCode: string | null;
  readonly insee: string | null;
  readonly cityId: string | null;
  readonly country: string | null;
  readonly images: { readonly thumb: string | null; readonly medium: string | null; readonly full: string | null };
  readonly gallery: readonly string[];
  /** When it was posted (`created`, else `updated`). */
  readonly published: Date | null;
  readonly updated: Date | null;
  readonly poster: MarketPoster;
  /** The organisation's contact text, only when asked for and only for an organisation. */
  readonly contact: string | null;
}

export interface MarketNormalizeOptions {
  readonly base: string;
  /** Return organisations' `contactInfo` (never a person's). Default false. */
  readonly contacts?: boolean;
}

const EMAIL = /[\p{L}\p{N}._%+-]+\s*(?:@|＠|\[\s*(?:at|arobase)\s*\]|\(\s*(?:at|arobase)\s*\))\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\[\s*(?:dot|point)\s*\]|\(\s*(?:dot|point)\s*\))\s*[\p{L}\p{N}-]+)+/giu;
// Nine digits or more with separators (French numbers have ten), an international prefix, or a number
// cut with dots ("0625..........").
const PHONE = /(?:\+|\b00)?\d(?:[\s.\-/()\u00A0\u202F]{0,3}\d){8,14}|\b0\d{2,3}[.xX*]{4,}/g;

/** Text with every e-mail address and phone number replaced by `CONTACT_MASK`. */
export function maskContacts(text: string): string {
  return text.replace(EMAIL, CONTACT_MASK).replace(PHONE, CONTACT_MASK);
}

/** Whether a text still holds something that looks like an e-mail address or a phone number. */
export function hasContact(text: string): boolean {
  EMAIL.lastIndex = 0;
  PHONE.lastIndex = 0;
  const found = EMAIL.test(text) || PHONE.test(text);
  EMAIL.lastIndex = 0;
  PHONE.lastIndex = 0;
  return found;
}

/** `€`, `EUR`, `euros` → `€`; `G1`, `Ğ1`, `june` → `Ğ1`; `XPF`, `F CFP` → `CFP`; others as written. */
export function canonicalCurrency(value: unknown): string | null {
  const text = toText(value, { maxLength: 12 });
  if (text === null) return null;
  const key = text.toLowerCase().replace(/[\s.]/g, '');
  if (['€', 'eur', 'euro', 'euros'].includes(key)) return '€';
  if (['ğ1', 'g1', 'june', 'junes'].includes(key)) return 'Ğ1';
  if (['cfp', 'xpf', 'fcfp', 'francscfp', 'francs cfp'].includes(key)) return 'CFP';
  if (['$', 'usd', 'us$'].includes(key)) return '$';
  if (['£', 'gbp'].includes(key)) return '£';
  return text;
}

/** A lookup that never reaches `Object.prototype` ("constructor", "__proto__" are platform text too). */
function own<T>(map: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, name) ? map[name] : undefined;
}

function key(value: unknown): string | null {
  const text = toText(value, { maxLength: 60 });
  return text === null ? null : text.trim();
}

function lower(value: string | null): string | null {
  return value === null ? null : value.toLowerCase();
}

function kindOf(record: WireRecord, section: string | null, category: string | null): MarketKind {
  const declared = lower(key(field(record, 'typeClassified')));
  const declaredKind = declared === null ? undefined : own(KIND_ALIASES, declared);
  if (declaredKind) return declaredKind;
  // In search results `type` is the collection ("classifieds"); in raw documents it is the kind.
  const type = lower(key(field(record, 'type')));
  const typeKind = type === null || type === 'classifieds' ? undefined : own(KIND_ALIASES, type);
  if (typeKind) return typeKind;
  const byCategory = MARKET_KINDS.find((kind) => categoryKey(kind, category) !== null);
  if (byCategory) return byCategory;
  const mapped = section === null ? undefined : own(SECTION_ALIASES, section.toLowerCase());
  return mapped === 'need' || mapped === 'offer' ? 'ressources' : 'classifieds';
}

function categoryKey(kind: MarketKind, value: string | null): string | null {
  if (value === null) return null;
  const tree = MARKET_CATEGORIES[kind];
  const direct = own(tree, value) ? value : (own(CATEGORY_ALIASES, value.toLowerCase()) ?? value.toLowerCase());
  return own(tree, direct) ? direct : null;
}

function subCategoryKey(kind: MarketKind, category: string, value: string | null): string | null {
  if (value === null) return null;
  const known = kind === 'jobs' ? JOB_SECTORS : (own(MARKET_CATEGORIES[kind], category) ?? []);
  return known.find((candidate) => candidate === value || candidate.toLowerCase() === value.toLowerCase()) ?? null;
}

/** Category and sub-type, the known ones mapped, the swapped ones put back, the unknown kept as written. */
function readCategories(kind: MarketKind, rawCategory: string | null, rawSub: string | null): Pick<MarketItem, 'category' | 'categoryRaw' | 'subCategory' | 'subCategoryRaw'> {
  let category = categoryKey(kind, rawCategory);
  let sub = rawSub;
  if (category === null && rawSub !== null && categoryKey(kind, rawSub) !== null) {
    // Swapped (15b item 8): the sub-type holds the category.
    category = categoryKey(kind, rawSub);
    sub = rawCategory;
  }
  if (category === null) return { category: 'other', categoryRaw: rawCategory, subCategory: null, subCategoryRaw: null };
  if (sub === null || sub === '' || sub.toLowerCase() === category.toLowerCase() || categoryKey(kind, sub) !== null) {
    return { category, categoryRaw: null, subCategory: null, subCategoryRaw: null };
  }
  const subKey = subCategoryKey(kind, category, sub);
  return subKey ? { category, categoryRaw: null, subCategory: subKey, subCategoryRaw: null } : { category, categoryRaw: null, subCategory: 'other', subCategoryRaw: sub };
}

function readPoster(record: WireRecord): MarketPoster {
  const type = lower(key(field(record, 'parentType')));
  const parent = field(record, 'parent');
  const parentRecord = isRecord(parent) ? parent : null;
  const id = toId(field(record, 'parentId')) ?? (parentRecord ? (toId(field(parentRecord, '_id')) ?? toId(field(parentRecord, 'id'))) : null);
  const named = parentRecord ? toText(field(parentRecord, 'name'), { maxLength: 200 }) : null;
  const slug = parentRecord ? toSlug(field(parentRecord, 'slug')) : null;
  if (type === 'organizations' || type === 'organization') return { kind: 'organization', id, collection: 'organizations', name: named === null ? null : maskContacts(named), slug };
  if (type === 'projects' || type === 'project') return { kind: 'project', id, collection: 'projects', name: named === null ? null : maskContacts(named), slug };
  if (type === 'citoyens' || type === 'citoyen' || type === 'persons' || type === 'person') return { kind: 'person', id: null, collection: null, name: null, slug: null };
  // No parent (a quarter of the real records), or an unknown type: nobody is named.
  return { kind: 'unknown', id: null, collection: null, name: null, slug: null };
}

function readGallery(record: WireRecord, base: string): string[] {
  const gallery = field(record, 'gallery');
  const documents = Array.isArray(gallery) ? gallery : isRecord(gallery) ? Object.keys(gallery).map((name) => gallery[name]) : [];
  const out: string[] = [];
  for (const document of documents.slice(0, 12)) {
    if (!isRecord(document)) continue;
    const folder = toText(field(document, 'folder'), { maxLength: 200 });
    const name = toText(field(document, 'name'), { maxLength: 200 });
    if (!folder || !name || /(^|\/)\.\.?(\/|$)/.test(`${folder}/${name}`)) continue;
    const src = toImageSrc(`/upload/${toText(field(document, 'moduleId'), { maxLength: 40 }) ?? 'communecter'}/${folder}/${name.replaceAll('#', '%23')}`, base);
    if (src && !out.includes(src)) out.push(src);
  }
  return out;
}

function isHidden(record: WireRecord): boolean {
  const preferences = field(record, 'preferences');
  const isPrivate = isRecord(preferences) && [true, 'true', 1, '1'].includes(field(preferences, 'private') as never);
  const state = lower(key(field(record, 'state')));
  return isPrivate || state === 'deleted' || state === 'uncomplete';
}

function image(record: WireRecord, name: string, base: string): string | null {
  const value = field(record, name);
  // "…/medium/.jpg": an upload saved without a name (2018 export), which can only 404.
  if (typeof value !== 'string' || /\/(?:\.[A-Za-z0-9]{1,5})?(?:\?[^#]*)?$/.test(value.trim())) return null;
  return toImageSrc(value.replaceAll('#', '%23'), base);
}

/** One record → a `MarketItem`, or null when it is hidden (private, deleted) or unusable (no id, no title). */
export function normalizeMarketRecord(value: unknown, options: MarketNormalizeOptions, mapKey: string | null = null): MarketItem | null {
  if (!isRecord(value)) return null;
  try {
    if (isHidden(value)) return null;
    const rawId = field(value, '_id');
    // `{"$oid": …}` is the database export's form (mongoexport), `{"$id": …}` the PHP API's.
    const id = toId(rawId) ?? (isRecord(rawId) ? toId(field(rawId, '$oid')) : null) ?? toId(field(value, 'id')) ?? (mapKey === null ? null : toId(mapKey));
    const title = toText(field(value, 'name'), { maxLength: 300 });
    if (id === null || title === null) return null;
    const rawSection = key(field(value, 'section'));
    const rawCategory = key(field(value, 'category'));
    const rawSub = key(field(value, 'subtype')) ?? key(field(value, 'subType'));
    const marketKind = kindOf(value, rawSection, rawCategory);
    const section = rawSection === null ? null : (own(SECTION_ALIASES, rawSection.toLowerCase()) ?? null);
    const { price } = toPrice(field(value, 'price'));
    const address = toAddress(field(value, 'address'));
    const description = toRichText(field(value, 'description'), field(value, 'descriptionHTML'));
    const poster = readPoster(value);
    const medium = image(value, 'profilMediumImageUrl', options.base) ?? image(value, 'profilImageUrl', options.base);
    const item = {
      id,
      collection: 'classifieds' as const,
      slug: null,
      name: maskContacts(title),
      marketKind,
      section: section ?? 'other',
      sectionRaw: section === null ? rawSection : null,
      ...readCategories(marketKind, rawCategory, rawSub),
      price,
      currency: canonicalCurrency(field(value, 'devise')),
      description: null as RichText | null,
      tags: toTags(field(value, 'tags')).map(maskContacts),
      // The commune only: no street, ever.
      locality: address?.locality ?? null,
      postalCode: address?.postalCode ?? null,
      insee: address?.insee ?? null,
      cityId: address?.cityId ?? null,
      country: address?.country ?? null,
      images: { thumb: image(value, 'profilThumbImageUrl', options.base) ?? medium, medium, full: image(value, 'profilImageUrl', options.base) ?? medium },
      gallery: readGallery(value, options.base),
      published: toDate(field(value, 'created')) ?? toDate(field(value, 'updated')),
      updated: toDate(field(value, 'updated')),
      poster,
      contact: options.contacts && poster.kind === 'organization' ? toText(field(value, 'contactInfo'), { maxLength: 200 }) : null,
    };
    // Masked when first read (a detail, JSON-LD): a list of 2,000 does not pay for 2,000 descriptions nobody opens.
    let masked: RichText | null = null;
    Object.defineProperty(item, 'description', {
      enumerable: true,
      get: () => (masked ??= description ? { format: description.format, source: maskContacts(description.source) } : null),
    });
    return item;
  } catch {
    // A getter that throws, a proxy: the record is skipped, the list goes on.
    return null;
  }
}

/** A search answer's `results` (an id-keyed object or a list) or a getdatadetail map → items, duplicates merged (first wins). */
export function normalizeMarketRecords(raw: unknown, options: MarketNormalizeOptions): { items: MarketItem[]; dropped: number } {
  const entries: [string | null, unknown][] = Array.isArray(raw) ? raw.map((item) => [null, item]) : isRecord(raw) ? Object.keys(raw).map((name) => [name, raw[name]]) : [];
  const seen = new Set<string>();
  const items: MarketItem[] = [];
  let dropped = 0;
  for (const [name, value] of entries) {
    const item = normalizeMarketRecord(value, options, name);
    if (item === null || seen.has(item.id)) {
      dropped++;
      continue;
    }
    seen.add(item.id);
    items.push(item);
  }
  return { items, dropped };
}
