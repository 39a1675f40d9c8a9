// Vocabulary for the generated records: names, descriptions and tags that read like the real network
// (Réunion associations, northern third places, Paris bulk shops, town halls, markets, ads).

export const FIRST_NAMES = [
  'Marie', 'Jean-Paul', 'Aurélie', 'Kévin', 'Nathalie', 'Teddy', 'Sandrine', 'Mickaël', 'Anaïs', 'Loïc', 'Yannick',
  'Émilie', 'Sébastien', 'Chloé', 'Ludovic', 'Karine', 'Thierry', 'Inès', 'Mathis', 'Léa', 'Hugo', 'Zoé', 'Rayan',
  'Fatima', 'Mamadou', 'Lucas', 'Camille', 'Manon', 'Jérôme', 'Océane', 'Didier', 'Josiane', 'Rémi', 'Héloïse',
  'Gaëlle', 'François', 'Noémie', 'Bastien', 'Clément', 'Maëva', 'Lalao', 'Valérie', 'Christophe', 'Joël',
];

export const LAST_NAMES = [
  'Payet', 'Hoarau', 'Grondin', 'Fontaine', 'Boyer', 'Técher', 'Rivière', 'Dijoux', 'Lebon', 'Nativel', 'Maillot',
  'Ethève', 'Lauret', 'Turpin', 'Martin', 'Dubois', 'Lefebvre', 'Leroy', 'Moreau', 'Dupont', 'Lambert', 'Bonnet',
  'Mercier', 'Nguyen', 'Diallo', 'Benali', 'Vandamme', 'Delattre', 'Lemaire', 'Dufour', 'Caron', 'Petit', 'Roux',
  'Fournier', 'Garnier', 'Rakotomalala', 'Chane-Kune', 'Ah-Hot', 'Baret', 'Morel',
];

export const STREETS = [
  'rue de Paris', 'rue du Maréchal Leclerc', 'chemin des Anglais', 'rue Jean Chatel', 'avenue de la Victoire',
  'rue des Lilas', 'boulevard Jean Jaurès', 'rue Nationale', 'rue Gambetta', 'impasse des Tamarins', 'rue Victor Hugo',
  'place de la République', 'rue Pasteur', 'rue Juliette Dodu', 'allée des Flamboyants', 'chemin de la Ravine',
  'rue du Moulin', 'rue Léon Gambetta', 'avenue Jean Moulin', 'rue de la Gare', "rue de l'Église", 'quai des Docks',
  'rue Oberkampf', 'rue des Postes', 'rue Solférino', 'boulevard de Belleville', 'rue du Faubourg', 'sentier des Goyaviers',
];

/** Réunion-flavoured words for association names. */
export const REUNION_WORDS = [
  'Kaz', 'Zot', 'Marmaille', 'Lontan', 'Péi', 'Kréol', 'Maloya', 'Séga', 'Fanjan', 'Vétiver', 'Tamarin', 'Letchi',
  'Bibasse', 'Vanille', 'Goyavier', 'Flamboyant', 'Cari', 'Rougail', 'Piton', 'Ravine', 'Cirque', 'Îlet', 'Tisaneur',
  'Kabar', 'Roulèr', 'Kayamb', 'Bazar', 'Dalon',
];

export const THEMES = [
  { label: 'jardin partagé', tags: ['jardin', 'agriculture', 'permaculture'] },
  { label: 'compostage', tags: ['compost', 'dechets', 'zerodechet'] },
  { label: 'réemploi', tags: ['reemploi', 'recyclage', 'economiecirculaire'] },
  { label: 'numérique', tags: ['numerique', 'logiciellibre', 'inclusionnumerique'] },
  { label: 'musique', tags: ['musique', 'culture', 'maloya'] },
  { label: 'danse', tags: ['danse', 'culture'] },
  { label: 'théâtre', tags: ['theatre', 'culture'] },
  { label: 'solidarité', tags: ['solidarite', 'entraide'] },
  { label: 'sport', tags: ['sport', 'sante'] },
  { label: 'environnement', tags: ['environnement', 'biodiversite'] },
  { label: 'éducation populaire', tags: ['education', 'educationpopulaire'] },
  { label: 'alimentation', tags: ['alimentation', 'circuitcourt', 'bio'] },
  { label: 'mobilité', tags: ['mobilite', 'velo'] },
  { label: 'patrimoine', tags: ['patrimoine', 'histoire'] },
  { label: 'santé', tags: ['sante', 'bienetre'] },
  { label: 'jeunesse', tags: ['jeunesse', 'education'] },
  { label: 'énergie', tags: ['energie', 'transitionenergetique'] },
  { label: 'habitat', tags: ['habitat', 'logement'] },
];
/** Themes whose noun is feminine ("la musique"); the others take "le" ("le sport"); vowels and mute h elide ("l'énergie"). */
export const FEMININE_THEMES = new Set(['musique', 'danse', 'solidarité', 'éducation populaire', 'alimentation', 'mobilité', 'santé', 'jeunesse', 'énergie']);

export const ORG_NAME_PATTERNS = {
  NGO: [
    'Association {word} {theme}', 'Les Amis de {quarter}', '{word} Péi', 'Collectif {theme} {city}', 'Compagnie {word}',
    'Club {sport} de {city}', 'Association des habitants de {quarter}', '{word} et {word2}', 'Les Ateliers {word}',
    'Réseau {theme} {city}', 'Maison de quartier {quarter}', 'Association {word} Solidarité',
  ],
  LocalBusiness: [
    'Boulangerie {surname}', 'Garage {surname}', 'Librairie {word}', 'Ferme {surname}', 'Café {word}', 'Atelier {surname}',
    '{surname} & Fils', 'Épicerie {word}', 'Le Comptoir de {quarter}', 'Traiteur {surname}', 'Menuiserie {surname}',
  ],
  Group: [
    'Collectif {word}', 'Groupe local {theme} {city}', 'Les Jardiniers de {quarter}', 'AMAP {city}', 'Incroyables Comestibles {city}',
    'Repair Café {city}', 'Les Colibris {city}', 'Groupe de marche {quarter}',
  ],
  GovernmentOrganization: [
    'Mairie de {city}', 'Médiathèque municipale de {city}', 'CCAS de {city}', 'Office de tourisme de {city}',
    'Maison France Services {city}', 'Service des espaces verts de {city}', 'Conservatoire municipal de {city}',
  ],
  Cooperative: [
    'SCIC {word}', 'SCOP {surname} & associés', 'Coopérative {word}', "Coop'{word}", 'CAE {word} {city}', 'Épicerie coopérative {word}',
  ],
};

export const GENERIC_WORDS = [
  'Horizon', 'Racines', 'Passerelle', 'Ensemble', 'Semeurs', 'Tisserands', 'Boussole', 'Archipel', 'Ricochet', 'Éclat',
  'Canopée', 'Sillage', 'Pépinière', 'Mosaïque', 'Escale', 'Ruche', 'Rizière', 'Lumière', 'Alizé', 'Sentier',
];

export const SPORTS = ['pétanque', 'football', 'handball', 'va’a', 'surf', 'randonnée', 'judo', 'basket', 'capoeira', 'course à pied'];

export const THIRD_PLACE_NAMES = [
  'La Fabrique {word}', 'Tiers-lieu {word}', 'Le Garage', 'La Ruche {city}', "L'Atelier partagé {quarter}", 'FabLab {city}',
  'Repair Café {city}', "La Coop'{word}", 'Le Relais {quarter}', 'La Friche {word}', 'Le Hangar {word}', 'La Quincaillerie',
  'Espace de coworking {word}', 'La Station {city}', 'Le Bazar {word}', 'La Manufacture {city}', 'Les Ateliers de {quarter}',
];
export const THIRD_PLACE_TAGS = ['tierslieux', 'fablab', 'coworking', 'repaircafe', 'atelierpartage', 'numerique', 'ess', 'makers'];

export const BULK_SHOP_NAMES = [
  'Épicerie vrac {word}', 'La Récolte {quarter}', 'Le Bocal', 'Au Poids Juste', 'Vrac & Co', "L'Épicerie du quartier {quarter}",
  'Le Grain de Sel', 'Zéro Gâchis {city}', 'La Consigne', 'Les Jarres de {quarter}', 'Bocaux & Cie', 'Le Bocal Malin', 'La Pesée',
];
export const BULK_SHOP_TAGS = ['vrac', 'zerodechet', 'epicerie', 'bio', 'circuitcourt', 'consigne', 'local'];

export const PROJECT_NAMES = [
  'Jardin partagé de {quarter}', 'Ressourcerie mobile {city}', 'Cartographie des acteurs de {leTheme}', 'Potager pédagogique {quarter}',
  'Recyclerie {word}', 'Covoiturage solidaire {city}', 'Boîtes à livres de {city}', 'Festival {word}', 'Fresque participative {quarter}',
  'Café des parents {quarter}', 'Marché paysan {city}', 'Chantier participatif {word}', 'Web radio {word}', 'Vélo-école {city}',
];
export const MATURITIES = ['idea', 'concept', 'started', 'development', 'testing', 'mature'];

export const EVENT_TYPES = [
  'competition', 'concert', 'contest', 'exhibition', 'festival', 'getTogether', 'market', 'meeting', 'course', 'workshop',
  'conference', 'debate', 'film', 'stand', 'crowdfunding', 'others',
];

export const EVENT_NAME_PATTERNS = {
  competition: ['Tournoi de {sport} de {city}', 'Championnat inter-quartiers de {sport}', 'Course solidaire de {quarter}'],
  concert: ['Concert de maloya à {quarter}', 'Kabar {word}', 'Concert acoustique : {word}', 'Bal populaire de {city}'],
  contest: ['Concours photo « {theme} »', 'Concours de cuisine péi', 'Défi {theme} {city}'],
  exhibition: ['Exposition photo {word}', 'Exposition « {theme} » à la médiathèque', 'Vernissage {word}'],
  festival: ['Festival {word}', 'Fête de quartier {quarter}', 'Festival des solidarités {city}', 'Nuit de {leTheme}'],
  getTogether: ['Pique-nique partagé à {quarter}', 'Apéro des voisins', 'Soirée jeux de société', 'Rencontre des bénévoles'],
  market: ['Marché forain de {city}', 'Marché de producteurs {quarter}', 'Vide-grenier de {quarter}', 'Marché de Noël solidaire'],
  meeting: ['Assemblée générale {org}', 'Réunion publique : {theme}', 'Conseil de quartier {quarter}', 'Permanence {theme}'],
  course: ['Formation premiers secours', 'Initiation au compostage', 'Cours de créole pour débutants', 'Formation {theme}'],
  workshop: ['Atelier {theme} à {quarter}', 'Repair café de {month}', 'Atelier vélo participatif', 'Atelier cuisine zéro déchet'],
  conference: ['Conférence : {theme} et territoire', 'Conférence gesticulée {word}', 'Table ronde {theme}'],
  debate: ['Café-débat : {theme}', 'Débat citoyen sur {leTheme}', 'Disputes philosophiques {word}'],
  film: ['Projection-débat « {word} »', 'Ciné-plein-air à {quarter}', 'Ciné-club {word}'],
  stand: ['Stand {org} au marché', "Stand d'information {theme}", 'Stand de sensibilisation au tri'],
  crowdfunding: ['Financement participatif : {project}', 'Campagne de dons pour {project}'],
  others: ['Balade botanique à {quarter}', 'Journée portes ouvertes {org}', 'Nettoyage citoyen de {quarter}', 'Chantier participatif'],
};

export const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export const POI_TYPES = [
  'compostPickup', 'video', 'sharedLibrary', 'artPiece', 'recoveryCenter', 'trash', 'history', 'something2See', 'streetArts',
  'openScene', 'stand', 'parking', 'other',
];
export const POI_NAME_PATTERNS = {
  compostPickup: ['Point de collecte compost {quarter}', 'Composteur collectif {quarter}'],
  video: ['Vidéo : {theme} à {city}', 'Reportage {word}'],
  sharedLibrary: ['Boîte à livres {quarter}', 'Bibliothèque de rue {word}'],
  artPiece: ['Sculpture {word}', 'Fresque {word}'],
  recoveryCenter: ['Ressourcerie {city}', 'Recyclerie {word}'],
  trash: ["Point d'apport volontaire {quarter}", 'Borne textile {quarter}'],
  history: ['Ancienne usine sucrière de {city}', 'Maison créole {word}', 'Monument {word}'],
  something2See: ['Point de vue sur {quarter}', 'Bassin {word}', 'Belvédère {word}'],
  streetArts: ['Graff {word}', 'Mur peint de {quarter}'],
  openScene: ['Scène ouverte {word}', 'Kiosque de {quarter}'],
  stand: ['Stand {word}', 'Kiosque {theme}'],
  parking: ['Parking relais {quarter}', 'Parking vélo {quarter}'],
  other: ['Lieu ressource {word}', 'Local associatif {quarter}'],
};

/** eco:assets/js/classifieds/categories.json, ressources and jobs (§4.6 of the contract). */
export const CLASSIFIED_CATEGORIES = {
  technology: ['tvVideo', 'it', 'touchpads', 'telephony', 'camera', 'audiodevice'],
  property: ['house', 'flat', 'ground', 'parking', 'office'],
  vehicles: ['car', 'suv', 'utility', 'moto', 'scooter', 'boat', 'smallcar', 'bikes', 'carequipment', '2wheeledequipment', 'boatequipment', 'bikeequipment'],
  home: ['householdappliances', 'furniture', 'babyequipment', 'animals', 'various'],
  leisure: ['sports', 'musicalinstrument', 'soundsystem', 'cddvd', 'toys', 'games', 'bookscomics', 'collections', 'diy', 'gardening', 'artdeco', 'modelmaking', 'childcare', 'animals', 'various'],
  fashion: ['clothes', 'shoes', 'accessories', 'watches', 'jewels'],
};
export const RESSOURCE_CATEGORIES = {
  service: ['charity', 'education', 'househelp', 'transport', 'care', 'administrative'],
  competence: ['artistic', 'laws', 'itdevlopment', 'languages', 'crafts', 'gardening'],
  material: ['electronic', 'furniture', 'tools', 'vehicles', 'kitchen', 'sports'],
};
export const JOB_CATEGORIES = { joboffer: ['fulltime', 'parttime', 'freelance'], training: ['certifying', 'short'], internship: ['internship', 'civicservice'] };

export const CLASSIFIED_ITEMS = {
  tvVideo: ['Télévision 40 pouces', 'Vidéoprojecteur'], it: ['Ordinateur portable reconditionné', 'Écran 24 pouces', 'Imprimante laser'],
  touchpads: ['Tablette 10 pouces'], telephony: ['Smartphone reconditionné', 'Téléphone fixe sans fil'], camera: ['Appareil photo reflex', 'Caméra sportive'],
  audiodevice: ['Enceinte Bluetooth', 'Casque audio'], house: ['Maison créole F4', 'Maison de ville avec jardin'], flat: ['Appartement T2', 'Studio meublé', 'T3 lumineux'],
  ground: ['Terrain constructible 600 m²', 'Parcelle agricole'], parking: ['Place de parking couverte', 'Box fermé'], office: ['Bureau partagé', 'Local commercial'],
  car: ['Citadine essence', 'Berline diesel'], suv: ['4x4 pour les Hauts'], utility: ['Utilitaire 3 m³'], moto: ['Moto 125 cm³'], scooter: ['Scooter électrique'],
  boat: ['Kayak de mer', 'Barque de pêche'], smallcar: ['Voiturette sans permis'], bikes: ["Vélo cargo d'occasion", 'VTT', 'Vélo de ville'],
  carequipment: ['Porte-vélos', 'Jeu de pneus'], '2wheeledequipment': ['Casque moto'], boatequipment: ['Gilets de sauvetage'], bikeequipment: ['Sacoches de vélo', 'Siège enfant vélo'],
  householdappliances: ['Lave-linge', 'Réfrigérateur', 'Four micro-ondes'], furniture: ['Table en bois massif', 'Canapé trois places', 'Armoire créole'],
  babyequipment: ['Poussette', 'Lit parapluie'], animals: ['Chatons à adopter', 'Aquarium 100 L'], various: ['Lot de bocaux en verre', 'Cartons de déménagement'],
  sports: ['Planche de surf', 'Tapis de yoga'], musicalinstrument: ['Guitare acoustique', 'Kayamb', 'Piano numérique'], soundsystem: ['Sono portable'],
  cddvd: ['Lot de vinyles maloya', 'Collection de DVD'], toys: ['Lot de Lego', 'Poupées'], games: ['Jeux de société', 'Console de jeux'], bookscomics: ['Lot de BD', 'Romans policiers'],
  collections: ['Timbres anciens', 'Cartes postales de La Réunion'], diy: ['Perceuse visseuse', 'Établi'], gardening: ['Plants de vanille', 'Tondeuse'],
  artdeco: ['Tableau peint à la main', 'Lampe en bambou'], modelmaking: ['Maquette de bateau'], childcare: ["Garde d'enfants le mercredi"],
  clothes: ['Veste en jean', 'Robe de soirée'], shoes: ['Chaussures de randonnée'], accessories: ['Sac en vacoa'], watches: ['Montre automatique'], jewels: ['Bracelet en argent'],
};

export const RESSOURCE_PHRASES = {
  need: ['Cherche {thing}', 'Besoin de {thing}', 'Recherche bénévoles : {thing}'],
  offer: ['Propose {thing}', 'Donne {thing}', 'Prête {thing}'],
};
export const RESSOURCE_THINGS = {
  charity: ['aide pour la distribution alimentaire'], education: ['soutien scolaire', 'cours de créole'], househelp: ["aide au ménage pour personne âgée"],
  transport: ['covoiturage vers Saint-Denis', 'transport de meubles'], care: ['accompagnement aux rendez-vous médicaux'], administrative: ['aide aux démarches en ligne'],
  artistic: ['cours de guitare', 'ateliers de peinture'], laws: ['conseil juridique associatif'], itdevlopment: ['aide pour créer un site web', 'installation de logiciels libres'],
  languages: ['conversation en anglais', 'cours de français langue étrangère'], crafts: ['réparation de petits meubles'], gardening: ['taille des arbres fruitiers'],
  electronic: ['ordinateurs à réparer'], furniture: ['tables et chaises pour un événement'], tools: ['perceuse et outillage'], vehicles: ['remorque'],
  kitchen: ['marmites pour un cari géant'], sports: ['ballons et chasubles'],
};
export const JOB_TITLES = {
  joboffer: ['Animateur·rice tiers-lieu (CDD 12 mois)', 'Coordinateur·rice de réseau', 'Chargé·e de communication', 'Maraîcher·e en insertion'],
  training: ['Formation compostage en pied d’immeuble', 'Formation animateur repair café', 'Formation médiation numérique'],
  internship: ['Stage communication (6 mois)', 'Service civique : ambassadeur du tri', 'Stage développement web'],
};

export const SENTENCES = [
  'Nous rassemblons des habitant·e·s de {city} autour de projets concrets.',
  'Depuis {year}, l’association anime des ateliers ouverts à toutes et à tous.',
  'Nos bénévoles se retrouvent chaque semaine pour partager savoirs et savoir-faire.',
  'Le lieu est accessible aux personnes à mobilité réduite.',
  'Les activités sont gratuites pour les adhérent·e·s, à prix libre pour les autres.',
  'Nous travaillons avec les écoles, la médiathèque et les commerçants du quartier.',
  'Venez avec vos idées, vos outils et votre bonne humeur !',
  'Un espace convivial pour créer, réparer et apprendre ensemble.',
  'Nous défendons une économie locale, sociale et solidaire.',
  'Nos actions sont soutenues par la commune et la région.',
  'Chaque premier samedi du mois, portes ouvertes et café partagé.',
  'Le collectif est ouvert à toute personne souhaitant s’impliquer.',
  'Produits locaux, de saison et sans emballage superflu.',
  'On y trouve un atelier bois, un espace numérique et une cuisine partagée.',
];

export const SHORT_DESCRIPTIONS = [
  '{Theme} : ateliers, rencontres et entraide à {city}.',
  'Tiers-lieu associatif : atelier, repair café, coworking.',
  'Épicerie vrac et zéro déchet au cœur de {quarter}.',
  'Association de quartier pour {leTheme} et le lien social.',
  'On répare ensemble, on apprend ensemble.',
  'Producteurs et artisans de {city} en circuit court.',
  'Au service des habitants de {city}.',
  'Culture, {theme} et convivialité depuis {year}.',
  '{Theme} &amp; solidarité à {city}',
  'L&#039;équipe vous accueille du mardi au samedi.',
  'Agir pour l&#039;&eacute;cologie : {theme} à {quarter}.',
];

export const HEADINGS = ['Qui sommes-nous ?', 'Nos activités', 'Informations pratiques', 'Rejoignez-nous', 'Le programme', 'Pourquoi ce projet ?'];
export const LIST_ITEMS = [
  'Ateliers hebdomadaires', 'Prêt de matériel', 'Accompagnement des porteurs de projets', 'Permanences gratuites',
  'Animations pour les enfants', 'Buvette et petite restauration', 'Entrée libre', 'Sur inscription', 'Parking vélo sur place',
  'Réduction pour les adhérent·e·s', 'Tout public', 'Apportez votre pique-nique',
];

export const TAG_POOL = [
  'solidarite', 'culture', 'environnement', 'education', 'sport', 'jardin', 'numerique', 'alimentation', 'jeunesse', 'sante',
  'economiesociale', 'ess', 'reemploi', 'zerodechet', 'citoyennete', 'biodiversite', 'agriculture', 'artisanat', 'patrimoine',
  'insertion', 'musique', 'maloya', 'creole', 'velo', 'tourisme', 'logement', 'handicap', 'seniors',
];
