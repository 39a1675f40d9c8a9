// Reference geography: real INSEE codes, postal codes and approximate coordinates. City and zone ids
// are stable (seed-independent) so a locality id copied into a demo page keeps working.
import { stableId } from '../lib/prng.mjs';

/**
 * @typedef {object} PostalCodeSeed
 * @property {string} postalCode
 * @property {string} name upper-case, as La Poste writes it
 * @property {number} [lat]
 * @property {number} [lng]
 */

/**
 * @typedef {object} CitySeed
 * @property {string} insee
 * @property {string} name
 * @property {number} lat
 * @property {number} lng
 * @property {PostalCodeSeed[]} postalCodes
 * @property {string[]} [quarters] neighbourhoods, used for street addresses and event venues
 */

/** Zones: level 1 country, level 3 région, level 4 département (the platform's France levels). */
export const ZONE_SEEDS = [
  { key: 'FR', name: 'France', level: '1', countryCode: 'FR' },
  { key: 'reunion-region', name: 'La Réunion', level: '3', countryCode: 'RE', parent: 'FR' },
  { key: 'hdf', name: 'Hauts-de-France', level: '3', countryCode: 'FR', parent: 'FR' },
  { key: 'idf', name: 'Île-de-France', level: '3', countryCode: 'FR', parent: 'FR' },
  { key: '974', name: 'La Réunion', level: '4', countryCode: 'RE', parent: 'reunion-region' },
  { key: '59', name: 'Nord', level: '4', countryCode: 'FR', parent: 'hdf' },
  { key: '62', name: 'Pas-de-Calais', level: '4', countryCode: 'FR', parent: 'hdf' },
  { key: '80', name: 'Somme', level: '4', countryCode: 'FR', parent: 'hdf' },
  { key: '60', name: 'Oise', level: '4', countryCode: 'FR', parent: 'hdf' },
  { key: '02', name: 'Aisne', level: '4', countryCode: 'FR', parent: 'hdf' },
  { key: '75', name: 'Paris', level: '4', countryCode: 'FR', parent: 'idf' },
  { key: '77', name: 'Seine-et-Marne', level: '4', countryCode: 'FR', parent: 'idf' },
  { key: '78', name: 'Yvelines', level: '4', countryCode: 'FR', parent: 'idf' },
  { key: '91', name: 'Essonne', level: '4', countryCode: 'FR', parent: 'idf' },
  { key: '92', name: 'Hauts-de-Seine', level: '4', countryCode: 'FR', parent: 'idf' },
  { key: '93', name: 'Seine-Saint-Denis', level: '4', countryCode: 'FR', parent: 'idf' },
  { key: '94', name: 'Val-de-Marne', level: '4', countryCode: 'FR', parent: 'idf' },
  { key: '95', name: "Val-d'Oise", level: '4', countryCode: 'FR', parent: 'idf' },
];

const pc = (postalCode, name, lat, lng) => ({ postalCode, name, lat, lng });

/** @type {Record<'reunion' | 'hdf' | 'idf', CitySeed[]>} */
export const CITY_SEEDS = {
  reunion: [
    { insee: '97401', name: 'Les Avirons', lat: -21.2417, lng: 55.3394, postalCodes: [pc('97425', 'LES AVIRONS')], quarters: ['Tévelave', 'Le Ruisseau'] },
    { insee: '97402', name: 'Bras-Panon', lat: -20.9986, lng: 55.6775, postalCodes: [pc('97412', 'BRAS PANON')], quarters: ['Rivière du Mât', 'Bellevue'] },
    { insee: '97403', name: 'Entre-Deux', lat: -21.2467, lng: 55.4717, postalCodes: [pc('97414', 'ENTRE DEUX')], quarters: ['Le Dimitile', 'Grande Ravine'] },
    { insee: '97404', name: "L'Étang-Salé", lat: -21.2653, lng: 55.3667, postalCodes: [pc('97427', 'L ETANG SALE')], quarters: ['Les Bains', 'Le Maniron'] },
    { insee: '97405', name: 'Petite-Île', lat: -21.3536, lng: 55.565, postalCodes: [pc('97429', 'PETITE ILE')], quarters: ['Manapany', 'Anse des Cascades'] },
    { insee: '97406', name: 'La Plaine-des-Palmistes', lat: -21.1336, lng: 55.6283, postalCodes: [pc('97431', 'LA PLAINE DES PALMISTES')], quarters: ['Premier Village', 'Bois de Pomme'] },
    { insee: '97407', name: 'Le Port', lat: -20.9372, lng: 55.2919, postalCodes: [pc('97420', 'LE PORT')], quarters: ['Rivière des Galets', 'ZAC 2000', 'La Cité Océan'] },
    { insee: '97408', name: 'La Possession', lat: -20.9253, lng: 55.3358, postalCodes: [pc('97419', 'LA POSSESSION')], quarters: ['Ravine à Malheur', 'Sainte-Thérèse', 'Dos d\'Âne'] },
    { insee: '97409', name: 'Saint-André', lat: -20.9633, lng: 55.6503, postalCodes: [pc('97440', 'ST ANDRE')], quarters: ['Cambuston', 'Champ Borne', 'Petit Bazar'] },
    { insee: '97410', name: 'Saint-Benoît', lat: -21.0339, lng: 55.7128, postalCodes: [pc('97470', 'ST BENOIT')], quarters: ['Bras Fusil', 'Sainte-Anne', 'Beaulieu'] },
    { insee: '97411', name: 'Saint-Denis', lat: -20.8821, lng: 55.4507, postalCodes: [pc('97400', 'ST DENIS'), pc('97490', 'STE CLOTILDE', -20.898, 55.49)], quarters: ['Le Chaudron', 'Bellepierre', 'La Bretagne', 'Moufia', 'Le Butor', 'La Montagne', 'Bois de Nèfles'] },
    { insee: '97412', name: 'Saint-Joseph', lat: -21.3778, lng: 55.6192, postalCodes: [pc('97480', 'ST JOSEPH')], quarters: ['Vincendo', 'Langevin', 'Les Lianes'] },
    { insee: '97413', name: 'Saint-Leu', lat: -21.1706, lng: 55.2883, postalCodes: [pc('97436', 'ST LEU')], quarters: ['Piton Saint-Leu', 'La Chaloupe', 'Stella'] },
    { insee: '97414', name: 'Saint-Louis', lat: -21.2861, lng: 55.4111, postalCodes: [pc('97450', 'ST LOUIS'), pc('97421', 'LA RIVIERE', -21.258, 55.441)], quarters: ['Le Gol', 'Bois de Nèfles Coco', 'Les Makes'] },
    { insee: '97415', name: 'Saint-Paul', lat: -21.0097, lng: 55.2697, postalCodes: [pc('97460', 'ST PAUL'), pc('97411', 'BOIS DE NEFLES ST PAUL', -21.03, 55.33), pc('97422', 'LA SALINE', -21.095, 55.27), pc('97423', 'LE GUILLAUME', -21.05, 55.33), pc('97434', 'ST GILLES LES BAINS', -21.053, 55.224), pc('97435', 'ST GILLES LES HAUTS', -21.02, 55.27)], quarters: ["L'Hermitage", 'La Saline-les-Bains', 'Plateau Caillou', 'Bellemène'] },
    { insee: '97416', name: 'Saint-Pierre', lat: -21.3393, lng: 55.4781, postalCodes: [pc('97410', 'ST PIERRE'), pc('97432', 'RAVINE DES CABRIS', -21.31, 55.49)], quarters: ['Terre-Sainte', 'Ravine Blanche', 'Bois d\'Olive', 'Grands Bois'] },
    { insee: '97417', name: 'Saint-Philippe', lat: -21.3592, lng: 55.7675, postalCodes: [pc('97442', 'ST PHILIPPE')], quarters: ['Le Baril', 'Mare Longue'] },
    { insee: '97418', name: 'Sainte-Marie', lat: -20.8969, lng: 55.5492, postalCodes: [pc('97438', 'STE MARIE')], quarters: ['La Mare', 'Rivière des Pluies', 'Beauséjour'] },
    { insee: '97419', name: 'Sainte-Rose', lat: -21.1272, lng: 55.7936, postalCodes: [pc('97439', 'STE ROSE')], quarters: ['Piton Sainte-Rose', 'Bois Blanc'] },
    { insee: '97420', name: 'Sainte-Suzanne', lat: -20.9061, lng: 55.6069, postalCodes: [pc('97441', 'STE SUZANNE')], quarters: ['Quartier Français', 'Bagatelle'] },
    { insee: '97421', name: 'Salazie', lat: -21.0275, lng: 55.5394, postalCodes: [pc('97433', 'SALAZIE')], quarters: ['Hell-Bourg', 'Grand Îlet', 'Mare à Vieille Place'] },
    { insee: '97422', name: 'Le Tampon', lat: -21.2781, lng: 55.515, postalCodes: [pc('97430', 'LE TAMPON'), pc('97418', 'PLAINE DES CAFRES', -21.21, 55.57)], quarters: ['Trois-Mares', 'Bérive', 'Bras Creux'] },
    { insee: '97423', name: 'Les Trois-Bassins', lat: -21.1044, lng: 55.2994, postalCodes: [pc('97426', 'LES TROIS BASSINS')], quarters: ['Souris Blanche', 'Bois de Nèfles'] },
    { insee: '97424', name: 'Cilaos', lat: -21.1342, lng: 55.4719, postalCodes: [pc('97413', 'CILAOS')], quarters: ['Palmiste Rouge', 'Îlet à Cordes', 'Bras Sec'] },
  ],
  hdf: [
    { insee: '59350', name: 'Lille', lat: 50.6292, lng: 3.0573, postalCodes: [pc('59000', 'LILLE'), pc('59800', 'LILLE'), pc('59160', 'LILLE', 50.6371, 2.9817), pc('59260', 'LILLE', 50.6284, 3.0918), pc('59777', 'LILLE', 50.6431, 3.0289)], quarters: ['Wazemmes', 'Moulins', 'Fives', 'Vieux-Lille', 'Bois-Blancs'] },
    { insee: '59512', name: 'Roubaix', lat: 50.6942, lng: 3.1746, postalCodes: [pc('59100', 'ROUBAIX')], quarters: ['Épeule', 'Alma', 'Le Pile'] },
    { insee: '59599', name: 'Tourcoing', lat: 50.7239, lng: 3.1612, postalCodes: [pc('59200', 'TOURCOING')], quarters: ['La Bourgogne', 'Le Brun Pain'] },
    { insee: '59009', name: "Villeneuve-d'Ascq", lat: 50.6233, lng: 3.145, postalCodes: [pc('59650', "VILLENEUVE D ASCQ"), pc('59491', "VILLENEUVE D ASCQ"), pc('59493', "VILLENEUVE D ASCQ")], quarters: ['Pont de Bois', 'Flers', 'Annappes'] },
    { insee: '59183', name: 'Dunkerque', lat: 51.0343, lng: 2.3768, postalCodes: [pc('59140', 'DUNKERQUE'), pc('59240', 'DUNKERQUE'), pc('59640', 'DUNKERQUE', 51.02, 2.33), pc('59430', 'DUNKERQUE', 51.02, 2.3)], quarters: ['Malo-les-Bains', 'Rosendaël', 'Petite-Synthe'] },
    { insee: '59606', name: 'Valenciennes', lat: 50.357, lng: 3.5235, postalCodes: [pc('59300', 'VALENCIENNES')], quarters: ['Faubourg de Paris', 'Saint-Saulve'] },
    { insee: '59178', name: 'Douai', lat: 50.3714, lng: 3.08, postalCodes: [pc('59500', 'DOUAI')], quarters: ['Frais-Marais', 'Dorignies'] },
    { insee: '59392', name: 'Maubeuge', lat: 50.2775, lng: 3.9734, postalCodes: [pc('59600', 'MAUBEUGE')], quarters: ['Sous-le-Bois'] },
    { insee: '62041', name: 'Arras', lat: 50.291, lng: 2.7775, postalCodes: [pc('62000', 'ARRAS')], quarters: ['Saint-Sauveur', 'Baudimont'] },
    { insee: '62193', name: 'Calais', lat: 50.9513, lng: 1.8587, postalCodes: [pc('62100', 'CALAIS')], quarters: ['Beau-Marais', 'Fort-Nieulay'] },
    { insee: '62498', name: 'Lens', lat: 50.4321, lng: 2.8333, postalCodes: [pc('62300', 'LENS')], quarters: ['Cité 12-14', 'Grande Résidence'] },
    { insee: '62160', name: 'Boulogne-sur-Mer', lat: 50.7264, lng: 1.6147, postalCodes: [pc('62200', 'BOULOGNE SUR MER')], quarters: ['Haute-Ville', 'Chemin Vert'] },
    { insee: '80021', name: 'Amiens', lat: 49.8941, lng: 2.2958, postalCodes: [pc('80000', 'AMIENS'), pc('80080', 'AMIENS'), pc('80090', 'AMIENS')], quarters: ['Saint-Leu', 'Étouvie', 'Henriville'] },
    { insee: '80001', name: 'Abbeville', lat: 50.1054, lng: 1.8332, postalCodes: [pc('80100', 'ABBEVILLE')], quarters: ['Soleil Levant'] },
    { insee: '60057', name: 'Beauvais', lat: 49.4295, lng: 2.0807, postalCodes: [pc('60000', 'BEAUVAIS')], quarters: ['Saint-Jean', 'Argentine'] },
    { insee: '60159', name: 'Compiègne', lat: 49.4179, lng: 2.8261, postalCodes: [pc('60200', 'COMPIEGNE')], quarters: ['Clos-des-Roses', 'Royallieu'] },
    { insee: '60175', name: 'Creil', lat: 49.2597, lng: 2.4753, postalCodes: [pc('60100', 'CREIL')], quarters: ['Rouher', 'Les Cavées'] },
    { insee: '02691', name: 'Saint-Quentin', lat: 49.8465, lng: 3.2876, postalCodes: [pc('02100', 'ST QUENTIN')], quarters: ['Europe', 'Faubourg d\'Isle'] },
    { insee: '02408', name: 'Laon', lat: 49.5641, lng: 3.6199, postalCodes: [pc('02000', 'LAON')], quarters: ['Champagne', 'Ardon'] },
    { insee: '02722', name: 'Soissons', lat: 49.3817, lng: 3.3236, postalCodes: [pc('02200', 'SOISSONS')], quarters: ['Presles', 'Chevreux'] },
  ],
  idf: [
    { insee: '75103', name: 'Paris 3e Arrondissement', lat: 48.8630, lng: 2.3601, postalCodes: [pc('75003', 'PARIS 03')], quarters: ['Le Marais', 'Arts-et-Métiers'] },
    { insee: '75110', name: 'Paris 10e Arrondissement', lat: 48.8761, lng: 2.3608, postalCodes: [pc('75010', 'PARIS 10')], quarters: ['Canal Saint-Martin', 'Château-d\'Eau'] },
    { insee: '75111', name: 'Paris 11e Arrondissement', lat: 48.8592, lng: 2.3799, postalCodes: [pc('75011', 'PARIS 11')], quarters: ['Oberkampf', 'Belleville', 'Roquette'] },
    { insee: '75112', name: 'Paris 12e Arrondissement', lat: 48.8350, lng: 2.4213, postalCodes: [pc('75012', 'PARIS 12')], quarters: ['Aligre', 'Bercy'] },
    { insee: '75113', name: 'Paris 13e Arrondissement', lat: 48.8283, lng: 2.3623, postalCodes: [pc('75013', 'PARIS 13')], quarters: ['Butte-aux-Cailles', 'Olympiades'] },
    { insee: '75114', name: 'Paris 14e Arrondissement', lat: 48.8292, lng: 2.3266, postalCodes: [pc('75014', 'PARIS 14')], quarters: ['Pernety', 'Montparnasse'] },
    { insee: '75118', name: 'Paris 18e Arrondissement', lat: 48.8925, lng: 2.3484, postalCodes: [pc('75018', 'PARIS 18')], quarters: ['La Chapelle', 'Montmartre', 'Goutte d\'Or'] },
    { insee: '75119', name: 'Paris 19e Arrondissement', lat: 48.8871, lng: 2.3848, postalCodes: [pc('75019', 'PARIS 19')], quarters: ['La Villette', 'Buttes-Chaumont'] },
    { insee: '75120', name: 'Paris 20e Arrondissement', lat: 48.8634, lng: 2.4012, postalCodes: [pc('75020', 'PARIS 20')], quarters: ['Ménilmontant', 'Saint-Blaise'] },
    { insee: '93048', name: 'Montreuil', lat: 48.8638, lng: 2.4485, postalCodes: [pc('93100', 'MONTREUIL')], quarters: ['Croix-de-Chavaux', 'Bas-Montreuil'] },
    { insee: '93066', name: 'Saint-Denis', lat: 48.9362, lng: 2.3574, postalCodes: [pc('93200', 'ST DENIS'), pc('93210', 'ST DENIS', 48.918, 2.36)], quarters: ['Pleyel', 'Basilique', 'Franc-Moisin'] },
    { insee: '93055', name: 'Pantin', lat: 48.8944, lng: 2.4093, postalCodes: [pc('93500', 'PANTIN')], quarters: ['Quatre-Chemins', 'Église'] },
    { insee: '93006', name: 'Bagnolet', lat: 48.8692, lng: 2.4181, postalCodes: [pc('93170', 'BAGNOLET')], quarters: ['La Noue', 'Centre-ville'] },
    { insee: '93070', name: 'Saint-Ouen-sur-Seine', lat: 48.9115, lng: 2.3342, postalCodes: [pc('93400', 'ST OUEN SUR SEINE')], quarters: ['Puces', 'Docks'] },
    { insee: '94080', name: 'Vincennes', lat: 48.8474, lng: 2.439, postalCodes: [pc('94300', 'VINCENNES')], quarters: ['Centre', 'Diderot'] },
    { insee: '94041', name: 'Ivry-sur-Seine', lat: 48.8157, lng: 2.3849, postalCodes: [pc('94200', 'IVRY SUR SEINE')], quarters: ['Ivry-Port', 'Centre-ville'] },
    { insee: '94028', name: 'Créteil', lat: 48.7904, lng: 2.4556, postalCodes: [pc('94000', 'CRETEIL')], quarters: ['Mont-Mesly', 'Village'] },
    { insee: '92012', name: 'Boulogne-Billancourt', lat: 48.8397, lng: 2.2399, postalCodes: [pc('92100', 'BOULOGNE BILLANCOURT')], quarters: ['Trapèze', 'Silly-Gallieni'] },
    { insee: '92050', name: 'Nanterre', lat: 48.8924, lng: 2.2071, postalCodes: [pc('92000', 'NANTERRE')], quarters: ['Université', 'Vieux-Pont'] },
    { insee: '78646', name: 'Versailles', lat: 48.8049, lng: 2.1204, postalCodes: [pc('78000', 'VERSAILLES')], quarters: ['Saint-Louis', 'Montreuil', 'Chantiers'] },
    { insee: '91228', name: 'Évry-Courcouronnes', lat: 48.629, lng: 2.441, postalCodes: [pc('91000', 'EVRY COURCOURONNES'), pc('91080', 'EVRY COURCOURONNES')], quarters: ['Pyramides', 'Champtier du Coq'] },
    { insee: '77288', name: 'Melun', lat: 48.5421, lng: 2.6554, postalCodes: [pc('77000', 'MELUN')], quarters: ['Almont', 'Montaigu'] },
    { insee: '95018', name: 'Argenteuil', lat: 48.9472, lng: 2.2467, postalCodes: [pc('95100', 'ARGENTEUIL')], quarters: ['Val-d\'Argent', 'Orgemont'] },
  ],
};

export const REGION_INFO = {
  reunion: { zone: 'reunion-region', country: 'RE', timeZone: 'Indian/Reunion', phonePrefix: '0262', mobilePrefix: ['0692', '0693'], tld: 're' },
  hdf: { zone: 'hdf', country: 'FR', timeZone: 'Europe/Paris', phonePrefix: '03', mobilePrefix: ['06', '07'], tld: 'fr' },
  idf: { zone: 'idf', country: 'FR', timeZone: 'Europe/Paris', phonePrefix: '01', mobilePrefix: ['06', '07'], tld: 'fr' },
};

/** Département key of a city: the overseas ones share "974", the rest use the INSEE prefix. */
export function departementKey(insee) {
  return insee.startsWith('974') ? '974' : insee.slice(0, 2);
}

/**
 * Builds the city and zone documents as the platform stores them.
 * @returns {{ zones: object[], zonesByKey: Map<string, object>, cities: object[], citiesByRegion: Record<string, object[]> }}
 */
export function buildGeography() {
  const zonesByKey = new Map();
  const zones = [];
  for (const seed of ZONE_SEEDS) {
    const id = stableId(`zone:${seed.key}`, 1488866000);
    const zone = { id, key: seed.key, name: seed.name, level: seed.level, countryCode: seed.countryCode, parent: seed.parent };
    zonesByKey.set(seed.key, zone);
    zones.push(zone);
  }
  const cities = [];
  /** @type {Record<string, object[]>} */
  const citiesByRegion = {};
  for (const [region, seeds] of Object.entries(CITY_SEEDS)) {
    citiesByRegion[region] = [];
    const regionZone = zonesByKey.get(REGION_INFO[region].zone);
    for (const seed of seeds) {
      const departement = zonesByKey.get(departementKey(seed.insee));
      const city = {
        id: stableId(`city:${seed.insee}`, 1421907292),
        region,
        seed,
        country: REGION_INFO[region].country,
        timeZone: REGION_INFO[region].timeZone,
        level1: zonesByKey.get('FR'),
        level3: regionZone,
        level4: departement,
      };
      cities.push(city);
      citiesByRegion[region].push(city);
    }
  }
  return { zones, zonesByKey, cities, citiesByRegion };
}
