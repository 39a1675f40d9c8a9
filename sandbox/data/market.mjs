// The marketplace's records (contract 4.6 and 15b items 7-10): classified ads, mutual-aid needs and
// offers ("ressources") and jobs, all in the one `classifieds` collection, in every category and section
// of the platform's trees, with the oddities of the real 2018 export (pixelhumain/co2 data/classifieds.json):
// the `ressoures` typo, French category keys, swapped category and sub-type, empty sub-types, the old
// sections, `0` prices, prices without currency and currencies without price, symbols instead of codes,
// raw contacts in `contactInfo` and in descriptions, street addresses of private persons, private and
// deleted records. Its own PRNG stream, and one id per record from the shared id factory, so the ids and
// data of every other collection stay exactly what they were before this module existed.

import { frenchArticles } from './french.mjs';
import { CLASSIFIED_CATEGORIES } from './words.mjs';

/** The platform's category trees (keys only; the labels are the element's business). */
export const MARKET_TREE = {
  classifieds: {
    sections: ['forsale', 'forrent'],
    // The same tree as the older ads of generate.mjs.
    categories: CLASSIFIED_CATEGORIES,
  },
  ressources: {
    sections: ['need', 'offer'],
    categories: {
      service: ['charity', 'education', 'househelp', 'washing', 'gardening', 'farming', 'generalmaintenance', 'childrencare', 'ederlycare', 'disabledcare', 'hostinghelp', 'animalcare'],
      competence: ['artistic', 'laws', 'itdevlopment', 'handcraft', 'animalcare', 'agriculture', 'restauration', 'building'],
      material: ['electronic', 'furniture', 'primaryressources', 'buildingtools', 'gardeningtools', 'medicalstuff'],
    },
  },
  jobs: {
    sections: ['offer', 'need'],
    categories: {
      joboffer: null,
      training: null,
      internship: null,
    },
  },
};

/** Jobs' sector sub-types (shared by the three job categories). */
export const JOB_SECTORS = [
  'purComptManagement', 'artsCrafts', 'bankInsurance', 'spectacle', 'sport', 'buildingPublicWorks', 'tradeSales',
  'communicationMultimedia', 'environment', 'agriculture', 'fishing', 'animalCare', 'hotelCatering', 'tourismAnimation',
  'property', 'industry', 'education', 'itTelecommunication', 'installationMaintenance', 'humanRessource', 'health',
  'assistanatSecretariat', 'personalServices', 'publicService', 'rDEngineering', 'transportLogistic', 'armySecurity',
];

const TITLES = {
  forsale: ['{thing} à vendre', 'Vends {thing}', '{thing} en bon état', '{thing} comme neuf'],
  forrent: ['{thing} à louer', 'Location : {thing}', 'Loue {thing} le week-end'],
  donation: ['Donne {thing}', '{thing} à donner', 'À donner : {thing}'],
  sharing: ['{thing} à partager', 'Partage de {thing}'],
  lookingfor: ['Cherche {thing}', 'Recherche {thing}'],
  need: ['On cherche {thing}', 'Besoin : {thing}', 'Qui pourrait nous aider ? {thing}', 'Cherche des bénévoles : {thing}'],
  offer: ['Nous prêtons {thing}', 'Propose {thing}', 'Offre : {thing}', 'Coup de main : {thing}'],
};
const THINGS = {
  technology: ['un ordinateur portable', 'une tablette', 'un vidéoprojecteur', 'une enceinte'],
  property: ['un studio meublé', 'une case créole', 'un terrain', 'une place de parking', 'un bureau partagé'],
  vehicles: ['une remorque', 'un vélo cargo', 'un scooter', 'un kayak', 'un utilitaire'],
  home: ['un frigo', 'une table en bois', 'une poussette', 'un lot de vaisselle'],
  leisure: ['une guitare', 'des livres pour enfants', 'une tente', 'des jeux de société', 'des outils de jardin'],
  fashion: ['des vêtements enfant', 'des chaussures de rando', 'une montre'],
  service: ['de l’aide aux devoirs', 'du covoiturage pour le marché', 'un coup de main pour le jardin', 'des courses pour une voisine', 'la garde du chat'],
  competence: ['des cours de guitare', 'de l’aide informatique', 'un atelier couture', 'des conseils juridiques', 'une initiation à la soudure'],
  material: ['des chaises pour la fête', 'une remorque', 'des ballons et des chasubles', 'une perceuse', 'des bâches'],
  joboffer: ['Animateur·rice d’ateliers numériques', 'Employé(e) de rayon', 'Chargé·e de mission jardins partagés', 'Cuisinier·ère'],
  training: ['Formation premiers secours', 'Formation compostage', 'BAFA en alternance'],
  internship: ['Stage communication', 'Service civique médiation', 'Stage maraîchage'],
};

/** Currencies as the platform stores them: symbols (config `deviseTheme`), occasionally a code or nothing. */
const CURRENCY_WEIGHTS = [['€', 60], ['Ğ1', 12], ['CFP', 6], ['FC', 4], ['$', 4], ['£', 4], ['EUR', 2], ['', 8]];

const LOCAL_NAMES = ['Marie', 'Jean-Paul', 'Sandrine', 'Thierry', 'Nadia', 'Loïc', 'Fabienne', 'Rémy'];

/**
 * @param {object} context
 * @param {number} context.count how many records to make (each takes one id from `newId`)
 * @param {import('../lib/prng.mjs').Random} context.random this module's own stream
 * @param {(created: number) => string} context.newId the next id (ids reserved by the classifieds loop)
 * @param {number} context.nowSec
 * @param {any[]} context.persons citoyens entries
 * @param {any[]} context.organizations live organisations ({entry, city, region})
 * @param {(rng: any, region: string) => any} context.pickCity
 * @param {(rng: any) => string} context.pickRegion
 * @param {(rng: any, city: any) => { address: any, postal: any }} context.makeAddress
 * @param {(doc: any, rng: any, city: any, postal: any) => void} context.addPosition
 * @param {(doc: any, rng: any, col: string, id: string, updated: number) => void} context.addImages
 * @param {(rng: any, region: string) => string} context.phone
 * @param {(col: string, doc: any) => any} context.addEntry
 * @param {(id: string) => any} context.mongoId
 */
export function generateMarket(context) {
  const { random: rng, nowSec } = context;
  const DAY = 86400;
  const orgs = context.organizations;
  // The demo association (demo/association.html) gets a board of its own: needs and offers, recent ones.
  const board = orgs.find((org) => org.entry.doc.slug === 'lesAteliersBibasse') ?? orgs.find((org) => org.entry.doc.type === 'NGO') ?? null;
  let boardLeft = board ? Math.min(12, Math.floor(context.count / 4)) : 0;

  for (let index = 0; index < context.count; index++) {
    // Every section and category of the trees in turn first, then at random.
    const onBoard = boardLeft > 0;
    if (onBoard) boardLeft--;
    const kind = onBoard ? 'ressources' : rng.weighted([['ressources', 45], ['classifieds', 35], ['jobs', 20]]);
    const tree = MARKET_TREE[kind];
    const categories = Object.keys(tree.categories);
    const category = categories[index % categories.length];
    const subtypes = tree.categories[category] ?? JOB_SECTORS;
    const subtype = subtypes[Math.floor(index / categories.length) % subtypes.length];
    let section = tree.sections[index % tree.sections.length];
    if (kind === 'classifieds' && rng.chance(0.15)) section = rng.pick(['donation', 'sharing', 'lookingfor']);
    if (kind === 'ressources' && rng.chance(0.05)) section = 'lookingfor';

    // The export's enum mess (15b item 8); the `ressoures` typo is a legacy of the old forms, so its records are old.
    const oddity = onBoard ? 'none' : rng.weighted([['none', 70], ['typo', 4], ['frenchCategory', 6], ['swapped', 5], ['emptySubtype', 8], ['noSubtype', 4], ['unknownCategory', 3]]);
    const owner = onBoard ? board : rng.chance(0.35) && orgs.length ? rng.pick(orgs) : null;
    const person = owner ? null : rng.pick(context.persons);
    const region = owner?.region ?? context.pickRegion(rng);
    const city = owner && rng.chance(0.85) ? owner.city : context.pickCity(rng, region);
    // Needs and offers of the last months, some ads older than the 90-day "ancienne" mark.
    const age = onBoard ? rng.int(1, 40) * DAY : oddity === 'typo' ? rng.int(700, 2000) * DAY : rng.chance(0.7) ? rng.int(1, 80) * DAY : rng.int(91, 900) * DAY;
    const created = nowSec - age - rng.int(0, 3600);
    const updated = rng.chance(0.3) ? created + rng.int(0, Math.min(age, 10 * DAY)) : created;
    const id = context.newId(created);
    const thing = rng.pick(THINGS[category] ?? THINGS.material);
    const name = kind === 'jobs' ? thing : frenchArticles(rng.pick(TITLES[section] ?? TITLES.offer).replace('{thing}', thing)).replace(/^./, (first) => first.toUpperCase());

    /** @type {Record<string, any>} */
    const doc = { _id: context.mongoId(id), name, type: kind, section, category, subtype };

    if (oddity === 'typo' && kind === 'ressources') doc.type = 'ressoures';
    if (oddity === 'frenchCategory' && kind === 'classifieds') doc.category = rng.pick(['vehicules', 'véhicules', 'technologie']);
    if (oddity === 'swapped' && kind !== 'jobs') {
      doc.category = subtype;
      doc.subtype = category;
    }
    if (oddity === 'emptySubtype') doc.subtype = '';
    if (oddity === 'noSubtype') delete doc.subtype;
    if (oddity === 'unknownCategory') doc.category = rng.pick(['divers', 'autreChose', 'Loisirs']);

    // Prices (15b item 9): integers, 0, missing, string-less; currency symbols, or a currency without a price.
    const priceRoll = rng.next();
    const free = section === 'donation' || section === 'sharing' || (kind === 'ressources' && section === 'offer' && rng.chance(0.5));
    if (kind === 'classifieds' || priceRoll < 0.25) {
      const price = free ? 0 : kind === 'jobs' ? rng.int(9, 2400) : rng.chance(0.04) ? rng.int(100000, 300000) : rng.int(1, 900);
      const currency = rng.weighted(CURRENCY_WEIGHTS);
      if (rng.chance(0.92)) doc.price = price;
      if (currency !== '') doc.devise = currency;
    } else if (priceRoll < 0.35) {
      doc.devise = '€';
    }

    // Contacts: the poster's raw e-mail or phone, in `contactInfo` and often in the description too.
    const email = owner ? `contact@${owner.entry.doc.slug?.toLowerCase().slice(0, 16) ?? 'asso'}.example.org` : `${rng.pick(LOCAL_NAMES).toLowerCase().replace(/[^a-z]/g, '')}.${rng.int(10, 99)}@gmail.com`;
    const phone = context.phone(rng, region);
    if (rng.chance(0.8)) doc.contactInfo = rng.pick([email, phone, `${phone} / ${email}`, `Tél ${phone.replace(/ /g, '.')}`]);
    const contactLine = rng.weighted([
      ['none', 40],
      ['email', 20],
      ['phone', 20],
      ['obfuscated', 8],
      ['international', 8],
      ['partial', 4],
    ]);
    const lines = [`${name}.`, onBoard ? 'Pour l’association, à récupérer au local.' : 'Disponible en semaine, à voir ensemble.'];
    if (contactLine === 'email') lines.push(`Écrivez-moi : ${email}`);
    if (contactLine === 'phone') lines.push(`Appelez le ${phone} après 18 h.`);
    if (contactLine === 'obfuscated') lines.push(`Contact : ${email.replace('@', ' [at] ')}`);
    if (contactLine === 'international') lines.push(`WhatsApp : +262 ${phone.slice(1)}`);
    if (contactLine === 'partial') lines.push('Tél : 0625..........');
    if (!owner && rng.chance(0.5)) lines.push(`${rng.pick(LOCAL_NAMES)}`);
    if (rng.chance(0.85)) doc.description = lines.join('\r\n\r\n');

    const { address, postal } = context.makeAddress(rng, city);
    // A private person's street is in the record (the element shows the commune only).
    if (!owner && !address.streetAddress) address.streetAddress = `${rng.int(1, 90)} chemin des Goyaviers`;
    doc.address = address;
    context.addPosition(doc, rng, city, postal);
    const tags = [section, category, ...(rng.chance(0.3) ? ['MonnaieLibre'] : [])];
    doc.tags = tags;
    // About one record in four has no parent at all (15b item 10).
    if (owner) {
      doc.parentId = owner.entry.id;
      doc.parentType = 'organizations';
    } else if (rng.chance(0.75)) {
      doc.parentId = person.id;
      doc.parentType = 'citoyens';
    }
    doc.creator = person?.id ?? rng.pick(context.persons).id;
    doc.created = created;
    doc.updated = updated;
    doc.modified = { sec: updated, usec: 0 };
    if (rng.chance(0.4)) context.addImages(doc, rng, 'classifieds', id, updated);
    // Never shown, whatever the server returns: private and deleted/uncomplete records.
    if (!onBoard) {
      const roll = rng.next();
      if (roll < 0.03) doc.preferences = { private: true };
      else if (roll < 0.05) doc.state = 'deleted';
      else if (roll < 0.07) doc.state = 'uncomplete';
    }
    if (owner?.entry.doc.source) doc.source = owner.entry.doc.source;
    if (created > nowSec - 3 * 365 * DAY) doc.collection = 'classifieds';
    context.addEntry('classifieds', doc);
  }
}
