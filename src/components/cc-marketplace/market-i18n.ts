/**
 * The marketplace's own words, beside the shared tables (`shared/i18n`): its labels for every key of
 * the platform's category trees would weigh on every element's bundle there. French ships with the
 * element; English is a chunk of its own (`market-en.ts`), loaded when an element speaks English.
 */
import type { Locale } from '../../shared/i18n/types.js';

export interface MarketStrings {
  readonly label: string;
  readonly skip: string;
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly kindFacet: string;
  readonly sectionFacet: string;
  readonly categoryFacet: string;
  readonly subCategoryFacet: string;
  readonly currencyFacet: string;
  readonly priceLegend: string;
  readonly priceMin: string;
  readonly priceMax: string;
  readonly kinds: Readonly<Record<string, string>>;
  readonly sections: Readonly<Record<string, string>>;
  /** Category and sub-category labels, by key; jobs' sectors included. */
  readonly categories: Readonly<Record<string, string>>;
  readonly other: string;
  /** "Autre (divers)": an unknown value, as written. */
  readonly otherNamed: (raw: string) => string;
  readonly free: string;
  readonly currencyUnknown: (amount: string) => string;
  readonly published: (relative: string) => string;
  readonly stale: string;
  readonly privatePerson: string;
  readonly unknownPoster: string;
  readonly postedBy: string;
  readonly contactMasked: string;
  readonly showContact: string;
  readonly contactTitle: string;
  readonly answer: string;
  readonly report: string;
  readonly share: string;
  readonly copied: string;
  readonly publish: string;
  readonly gallery: string;
  readonly imageOf: (title: string) => string;
  readonly matchesForNeed: string;
  readonly matchesForOffer: string;
  readonly results: (count: number, total: number | null) => string;
  readonly loadingAll: string;
  readonly empty: string;
  readonly emptyScope: string;
  readonly priceFilter: (min: string, max: string) => string;
  readonly opensInNewWindow: string;
}

const one = (count: number): boolean => count === 0 || count === 1;

export const marketFr: MarketStrings = {
  label: 'Entraide, annonces et emplois',
  skip: 'Passer les annonces',
  searchLabel: 'Rechercher une annonce',
  searchPlaceholder: 'Vélo, cours de guitare, bénévoles…',
  kindFacet: 'Type',
  sectionFacet: 'Rubrique',
  categoryFacet: 'Catégorie',
  subCategoryFacet: 'Sous-catégorie',
  currencyFacet: 'Monnaie',
  priceLegend: 'Prix',
  priceMin: 'Prix minimum',
  priceMax: 'Prix maximum',
  kinds: { ressources: 'Entraide', classifieds: 'Annonces', jobs: 'Emplois' },
  sections: { need: 'Besoins', offer: 'Offres', forsale: 'À vendre', forrent: 'À louer', donation: 'À donner', sharing: 'À partager', other: 'Autre' },
  categories: {
    technology: 'High-tech', tvVideo: 'TV et vidéo', it: 'Informatique', touchpads: 'Tablettes', telephony: 'Téléphonie', camera: 'Photo et caméra', audiodevice: 'Audio',
    property: 'Immobilier', house: 'Maison', flat: 'Appartement', ground: 'Terrain', parking: 'Parking', office: 'Bureau et local',
    vehicles: 'Véhicules', car: 'Voiture', suv: '4x4 et SUV', utility: 'Utilitaire', moto: 'Moto', scooter: 'Scooter', boat: 'Bateau', smallcar: 'Voiturette', bikes: 'Vélos',
    carequipment: 'Équipement auto', '2wheeledequipment': 'Équipement deux-roues', boatequipment: 'Équipement bateau', bikeequipment: 'Équipement vélo',
    home: 'Maison', householdappliances: 'Électroménager', furniture: 'Mobilier', babyequipment: 'Équipement bébé', animals: 'Animaux', various: 'Divers',
    leisure: 'Loisirs', sports: 'Sport', musicalinstrument: 'Instruments de musique', soundsystem: 'Sonorisation', cddvd: 'CD et DVD', toys: 'Jouets', games: 'Jeux',
    bookscomics: 'Livres et BD', collections: 'Collections', diy: 'Bricolage', gardening: 'Jardinage', artdeco: 'Art et déco', modelmaking: 'Maquettes', childcare: 'Puériculture',
    fashion: 'Mode', clothes: 'Vêtements', shoes: 'Chaussures', accessories: 'Accessoires', watches: 'Montres', jewels: 'Bijoux',
    service: 'Services', charity: 'Solidarité', education: 'Éducation', househelp: 'Aide à domicile', washing: 'Lessive et ménage', farming: 'Travaux agricoles',
    generalmaintenance: 'Petits travaux', childrencare: 'Garde d’enfants', ederlycare: 'Aide aux aînés', disabledcare: 'Aide aux personnes handicapées', hostinghelp: 'Hébergement',
    animalcare: 'Soin des animaux', competence: 'Compétences', artistic: 'Arts', laws: 'Droit', itdevlopment: 'Développement informatique', handcraft: 'Artisanat',
    agriculture: 'Agriculture', restauration: 'Cuisine et restauration', building: 'Construction', material: 'Matériel', electronic: 'Électronique',
    primaryressources: 'Matières premières', buildingtools: 'Outils de chantier', gardeningtools: 'Outils de jardin', medicalstuff: 'Matériel médical',
    joboffer: 'Offres d’emploi', training: 'Formations', internship: 'Stages',
    purComptManagement: 'Achats, comptabilité, gestion', artsCrafts: 'Arts et artisanat', bankInsurance: 'Banque et assurance', spectacle: 'Spectacle', sport: 'Sport',
    buildingPublicWorks: 'BTP', tradeSales: 'Commerce, vente, marketing', communicationMultimedia: 'Communication et multimédia', environment: 'Environnement, espaces naturels',
    fishing: 'Pêche et chasse', animalCare: 'Soin des animaux', hotelCatering: 'Hôtellerie, restauration', tourismAnimation: 'Tourisme, animation', industry: 'Industrie',
    itTelecommunication: 'Informatique et télécoms', installationMaintenance: 'Installation, maintenance', humanRessource: 'Ressources humaines', health: 'Santé',
    assistanatSecretariat: 'Secrétariat, assistanat', personalServices: 'Services à la personne', publicService: 'Services publics', rDEngineering: 'R&D, ingénierie',
    transportLogistic: 'Transport, logistique', armySecurity: 'Défense, sécurité',
  },
  other: 'Autre',
  otherNamed: (raw) => `Autre (${raw})`,
  free: 'Gratuit',
  currencyUnknown: (amount) => `${amount} (devise non précisée)`,
  published: (relative) => `publié ${relative}`,
  stale: 'ancienne',
  privatePerson: 'Un particulier',
  unknownPoster: 'Auteur non précisé',
  postedBy: 'Publié par',
  contactMasked: '[contact sur Communecter]',
  showContact: 'Afficher le contact',
  contactTitle: 'Contact',
  answer: 'Répondre sur Communecter',
  report: 'Signaler',
  share: 'Copier le lien de l’annonce',
  copied: 'Lien copié',
  publish: 'Publier une annonce',
  gallery: 'Photos',
  imageOf: (title) => `Photo : ${title}`,
  matchesForNeed: 'Des offres qui pourraient répondre à ce besoin',
  matchesForOffer: 'Des besoins auxquels cette offre pourrait répondre',
  results: (count, total) =>
    total === null ? `${count} annonce${one(count) ? '' : 's'}` : `${count} annonce${one(count) ? '' : 's'} sur ${total}`,
  loadingAll: 'chargement de la suite…',
  empty: 'Aucune annonce ne correspond à ces filtres.',
  emptyScope: 'Aucune annonce pour le moment.',
  priceFilter: (min, max) => (min && max ? `De ${min} à ${max}` : min ? `À partir de ${min}` : `Jusqu’à ${max}`),
  opensInNewWindow: '(nouvelle fenêtre)',
};

const tables: Partial<Record<Locale, MarketStrings>> = { fr: marketFr };
let englishLoad: Promise<void> | null = null;

/** The table for a language (French until English has arrived). */
export function marketStrings(locale: Locale): MarketStrings {
  return tables[locale] ?? marketFr;
}

/** Loads the English table once; null when the language's table is already there. */
export function loadMarketStrings(locale: Locale): Promise<void> | null {
  if (tables[locale]) return null;
  englishLoad ??= import('./market-en.js').then(
    (module) => {
      tables.en = module.marketEn;
    },
    () => {
      englishLoad = null;
    },
  );
  return englishLoad;
}
