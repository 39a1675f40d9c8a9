// Glue of demo/states.html, loaded before /demo.js and the widgets: writes one section per state of the
// widgets from the table below.
//   ?only=<state>   writes that one section only (what `npm run shots` photographs);
//   fault           points the widget at the sandbox's fault injection (sandbox/README.md, "Fault injection"):
//                   api-base = <origin>/__fault/<key>/<spec>, so every request it makes plays <spec>.

const LINKS = {
  'cc-directory': ['https://www.communecter.org/#search', 'Voir les acteurs sur Communecter'],
  'cc-agenda': ['https://www.communecter.org/#agenda', 'Voir l’agenda sur Communecter'],
  'cc-marketplace': ['https://www.communecter.org/#annonces', 'Voir les annonces sur Communecter'],
};
const SAINT_LEU = { insee: '97413' };
const REUNION = { 'time-zone': 'Indian/Reunion' };

/** [state, title, what the visitor meets, element, attributes, fault spec] */
const STATES = [
  ['directory-loaded', 'Annuaire chargé', 'Les acteurs de Saint-Leu, recherche et facettes.', 'cc-directory', { id: 'annuaire-etat', ...SAINT_LEU, 'page-size': '6' }],
  ['directory-list', 'Annuaire en liste', 'La forme compacte, sans facettes.', 'cc-directory', { insee: '97415', types: 'NGO', layout: 'list', 'page-size': '6', 'no-facets': '' }],
  ['directory-empty', 'Annuaire vide', 'Un réseau qui n’a aucun membre.', 'cc-directory', { 'source-key': 'no-such-network' }],
  ['directory-error', 'Annuaire en erreur', 'La plateforme répond 503 à chaque requête.', 'cc-directory', SAINT_LEU, '503'],
  ['directory-config', 'Annuaire mal configuré', 'Un code INSEE à quatre chiffres : l’erreur est pour le webmestre.', 'cc-directory', { insee: '9741' }],
  ['agenda-list', 'Agenda, vue liste', 'Les événements de Saint-Leu, jour par jour.', 'cc-agenda', { ...SAINT_LEU, view: 'list', ...REUNION }],
  ['agenda-month', 'Agenda, vue mois', 'La grille du mois.', 'cc-agenda', { ...SAINT_LEU, view: 'month', ...REUNION }],
  ['agenda-week', 'Agenda, vue semaine', 'La semaine en cours.', 'cc-agenda', { ...SAINT_LEU, view: 'week', ...REUNION }],
  ['agenda-empty', 'Agenda vide', 'Aucun événement dans la période.', 'cc-agenda', { 'source-key': 'no-such-network', ...REUNION }],
  ['agenda-error', 'Agenda en erreur', 'La plateforme répond 503 à chaque requête.', 'cc-agenda', { ...SAINT_LEU, ...REUNION }, '503'],
  ['agenda-config', 'Agenda mal configuré', 'Un code INSEE à quatre chiffres.', 'cc-agenda', { insee: '9741', ...REUNION }],
  ['market-loaded', 'Entraide chargée', 'Besoins, offres, annonces et emplois de Sainte-Rose, avec leurs filtres.', 'cc-marketplace', { id: 'entraide-etat', insee: '97419', 'page-size': '6' }],
  ['market-board', 'Entraide d’une association', 'Le tableau d’une seule association, en liste.', 'cc-marketplace', { organization: 'lesAteliersBibasse', layout: 'list', 'page-size': '6' }],
  ['market-empty', 'Entraide vide', 'Un réseau sans aucune annonce.', 'cc-marketplace', { 'source-key': 'no-such-network' }],
  ['market-error', 'Entraide en erreur', 'La plateforme répond 503 à chaque requête.', 'cc-marketplace', { insee: '97419' }, '503'],
  ['market-config', 'Entraide mal configurée', 'Une rubrique mal orthographiée : rien n’est demandé, l’attribut est nommé.', 'cc-marketplace', { section: 'besion' }],
];

const params = new URLSearchParams(location.search);
const only = params.get('only');
const wanted = STATES.some(([state]) => state === only) ? STATES.filter(([state]) => state === only) : STATES;
if (wanted.length === 1) {
  document.body.dataset.only = only;
  document.title = `${only} · ${document.title}`;
}

const requested = params.get('api-base');
const apiBase = requested && /^https?:\/\//.test(requested) ? requested.replace(/\/+$/, '') : location.origin;
const main = document.getElementById('states');
for (const [state, title, what, tag, attributes, fault] of wanted) {
  const section = document.createElement('section');
  section.dataset.state = state;
  section.setAttribute('aria-labelledby', `t-${state}`);
  const heading = section.appendChild(document.createElement('h2'));
  heading.id = `t-${state}`;
  const shown = Object.entries(attributes).filter(([name]) => name !== 'id' && name !== 'time-zone');
  const code = fault ? `api-base=…/__fault/…/${fault}` : shown.map(([name, value]) => (value === '' ? name : `${name}="${value}"`)).join(' ');
  heading.append(`${title} `, Object.assign(document.createElement('code'), { textContent: code }));
  section.appendChild(Object.assign(document.createElement('p'), { className: 'what', textContent: what }));
  const widget = section.appendChild(document.createElement(tag));
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  if (fault) {
    // One key per widget and page load: the counters of one never shift the steps of another.
    const key = `states-${state}-${Date.now().toString(36)}`;
    widget.setAttribute('api-base', `${apiBase}/__fault/${key}/${encodeURIComponent(fault)}`);
  }
  const [href, text] = LINKS[tag];
  widget.appendChild(Object.assign(document.createElement('a'), { href, textContent: text }));
  main.appendChild(section);
}
