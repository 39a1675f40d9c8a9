// The snippet builder (demo/builder.html): pick a widget from custom-elements.json, find a commune by name
// through the platform's /co2/city/autocompletemultiscope, set the options the manifest declares, see a live
// preview and copy the snippet (module or classic script, fallback link inside, integrity from
// dist/integrity.json). Any element of the manifest gets its fields from its attributes, so new elements need
// no change here. French and English; native controls only, so everything works with the keyboard.
import { version } from '/dist/cc-widgets.js'; // also registers every element, for the preview

const PLATFORM = 'https://www.communecter.org';
const PACKAGE = 'communecter-widgets';
/** Attributes that say what a widget shows (section 2); every other attribute is an option (section 3). */
const SCOPE = ['insee', 'postal-code', 'city', 'zone', 'country', 'source-key', 'organization', 'tags', 'tags-mode'];
/** Shown at once; the other attributes of an element (any new one included) are under "More". */
const MAIN = new Set(['insee', 'postal-code', 'source-key', 'organization', 'tags', 'view', 'types', 'event-types', 'page-size', 'layout', 'max', 'lang']);

// Every text of the page, French then English side by side (a function where a number or a name goes in).
const TEXTS = {
  pageTitle: ['Composer son widget Communecter', 'Build your Communecter widget'],
  title: ['Composer son widget', 'Build your widget'],
  uiLanguage: ['Langue de cette page', 'Language of this page'],
  widgetTitle: ['1. Le widget', '1. The widget'],
  widgetLabel: ['Widget', 'Widget'],
  scopeTitle: ['2. Ce qu’il montre', '2. What it shows'],
  citySearchLegend: ['Trouver une commune', 'Find a commune'],
  cityName: ['Nom de la commune', 'Name of the commune'],
  cityCountry: ['Pays ou territoire', 'Country or territory'],
  anyCountry: ['Tous', 'Any'],
  search: ['Chercher', 'Search'],
  cityResults: ['Communes trouvées', 'Communes found'],
  optionsTitle: ['3. Les options', '3. Options'],
  accent: ['Couleur principale', 'Main colour'],
  accentHint: ['--cc-color-accent ; laissez la couleur par défaut pour ne rien écrire', '--cc-color-accent; leave the default colour to write nothing'],
  filesTitle: ['4. Les fichiers', '4. Files'],
  source: ['Servis par', 'Served by'],
  thisServer: ['ce serveur', 'this server'],
  variant: ['Forme du script', 'Kind of script'],
  variantModule: ['module (recommandé)', 'module (recommended)'],
  variantClassic: ['script classique (CMS qui refusent les modules)', 'classic script (CMSs that refuse modules)'],
  integrity: ['Épingler la version exacte avec integrity (SRI)', 'Pin the exact version with integrity (SRI)'],
  apiBase: ['Données lues sur (api-base)', 'Data read from (api-base)'],
  apiBaseHint: ['vide : www.communecter.org ; ici, le bac à sable de la démonstration', 'empty: www.communecter.org; here, the demo’s sandbox'],
  snippetTitle: ['Le code à coller', 'The code to paste'],
  snippetLabel: ['Code HTML', 'HTML code'],
  copy: ['Copier le code', 'Copy the code'],
  previewTitle: ['Aperçu', 'Preview'],
  moreScope: ['Autres critères', 'More criteria'],
  moreOptions: ['Autres options', 'More options'],
  searching: ['Recherche…', 'Searching…'],
  found: [(n) => (n === 1 ? '1 commune trouvée.' : `${n} communes trouvées.`), (n) => (n === 1 ? '1 commune found.' : `${n} communes found.`)],
  none: ['Aucune commune trouvée.', 'No commune found.'],
  typeName: ['Tapez au moins deux lettres du nom.', 'Type at least two letters of the name.'],
  failed: [(why) => `La recherche a échoué (${why}).`, (why) => `The search failed (${why}).`],
  chosen: [(name, attribute, value) => `${name} choisie : ${attribute}="${value}".`, (name, attribute, value) => `${name} chosen: ${attribute}="${value}".`],
  copied: ['Code copié dans le presse-papiers.', 'Code copied to the clipboard.'],
  selected: ['Code sélectionné : copiez-le avec Ctrl+C.', 'Code selected: copy it with Ctrl+C.'],
  byDefault: [(value) => (value ? `par défaut : ${value}` : 'par défaut'), (value) => (value ? `default: ${value}` : 'default')],
  fallback: {
    'cc-directory': ['Voir les acteurs sur Communecter', 'See the local actors on Communecter'],
    'cc-agenda': ['Voir l’agenda sur Communecter', 'See the agenda on Communecter'],
    other: ['Voir sur Communecter', 'See on Communecter'],
  },
  widgets: {
    'cc-directory': ['Annuaire des acteurs', 'Directory of local actors'],
    'cc-agenda': ['Agenda des événements', 'Events agenda'],
    'cc-map': ['Carte', 'Map'],
    'cc-marketplace': ['Petites annonces, offres et besoins', 'Classifieds, offers and needs'],
  },
  labels: {
    insee: ['Codes INSEE des communes', 'INSEE codes of communes'],
    'postal-code': ['Codes postaux (ou débuts : 974)', 'Postal codes (or prefixes: 974)'],
    city: ['Identifiants Communecter de communes', 'Communecter city ids'],
    zone: ['Régions ou départements (identifiants)', 'Regions or départements (ids)'],
    country: ['Pays (codes ISO : FR, RE…)', 'Countries (ISO codes: FR, RE…)'],
    'source-key': ['Réseau (clé source)', 'Network (source key)'],
    organization: ['Une organisation (son slug)', 'One organisation (its slug)'],
    tags: ['Mots-clés', 'Keywords'],
    'tags-mode': ['Mots-clés requis', 'Keywords required'],
    'link-base': ['Liens vers (costum)', 'Links to (costum)'],
    'sync-url': ['Filtres dans l’adresse de la page', 'Filters in the page address'],
    'heading-level': ['Niveau des titres (2 à 6)', 'Heading level (2 to 6)'],
    types: ['Types d’acteurs', 'Kinds of actors'],
    query: ['Recherche initiale', 'Initial search'],
    sort: ['Ordre', 'Order'],
    'page-size': ['Entrées par page', 'Entries per page'],
    layout: ['Disposition', 'Layout'],
    'no-search': ['Sans champ de recherche', 'No search field'],
    'no-facets': ['Sans filtres', 'No filters'],
    from: ['Premier jour', 'First day'],
    to: ['Dernier jour', 'Last day'],
    view: ['Vue', 'View'],
    'event-types': ['Types d’événements', 'Event types'],
    'time-zone': ['Fuseau horaire', 'Time zone'],
    max: ['Nombre maximum (mode compact)', 'Maximum number (compact mode)'],
    'more-href': ['Lien « tout l’agenda »', '“Whole agenda” link'],
    'no-filters': ['Sans filtres', 'No filters'],
    'no-ics': ['Sans fichiers .ics', 'No .ics files'],
    'no-jsonld': ['Sans JSON-LD', 'No JSON-LD'],
    'no-store': ['Ne rien garder dans le navigateur', 'Keep nothing in the browser'],
    lang: ['Langue du widget', 'Language of the widget'],
  },
};
/** One language's table: `{ title: '…', labels: { insee: '…' }, … }`. */
const pick = (table, index) => Object.fromEntries(Object.entries(table).map(([key, value]) => [key, Array.isArray(value) ? value[index] : pick(value, index)]));
const TEXT = { fr: pick(TEXTS, 0), en: pick(TEXTS, 1) };

const $ = (selector) => document.querySelector(selector);
const params = new URLSearchParams(location.search);
const state = {
  lang: params.get('lang') === 'en' ? 'en' : 'fr',
  elements: [],
  hashes: {},
  values: new Map(), // attribute → value ('' for a boolean that is on)
  accent: null,
  previewKey: '',
};
const t = () => TEXT[state.lang];

/** The manifest's elements: tag, summary and attributes ({ name, type, default, description }). */
function elementsOf(manifest) {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .map((declaration) => ({ tag: declaration.tagName, summary: declaration.summary ?? '', attributes: declaration.attributes ?? [] }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

const current = () => state.elements.find((element) => element.tag === $('#widget').value) ?? state.elements[0];
const unquote = (value) => String(value ?? '').replace(/^'(.*)'$/, '$1');

/** The control for one attribute, from its type in the manifest: a select for a union of strings, else an input. */
function field(attribute) {
  const id = `field-${attribute.name}`;
  const type = attribute.type?.text ?? 'string';
  const wrapper = document.createElement('div');
  const label = document.createElement('label');
  label.htmlFor = id;
  label.append(t().labels[attribute.name] ?? attribute.name);
  const hint = document.createElement('span');
  hint.className = 'hint';
  const code = document.createElement('code');
  code.textContent = attribute.name;
  hint.append(code, ` — ${t().byDefault(unquote(attribute.default))}${state.lang === 'en' || !t().labels[attribute.name] ? ` — ${attribute.description ?? ''}` : ''}`);
  label.append(hint);
  const value = state.values.get(attribute.name);
  let control;
  const choices = type.split('|').map((part) => part.trim());
  if (choices.length > 1 && choices.every((part) => /^'[^']*'$/.test(part))) {
    control = document.createElement('select');
    control.append(new Option(t().byDefault(unquote(attribute.default)), ''));
    for (const choice of choices.map(unquote)) control.append(new Option(choice, choice, false, value === choice));
  } else if (type === 'boolean') {
    control = document.createElement('input');
    control.type = 'checkbox';
    control.checked = value !== undefined;
    label.className = 'check';
    label.prepend(control);
    control.id = id;
    control.addEventListener('change', () => setValue(attribute.name, control.checked ? '' : undefined));
    wrapper.append(label);
    return wrapper;
  } else {
    control = document.createElement('input');
    control.type = type === 'number' ? 'number' : 'text';
    control.value = value ?? '';
  }
  control.id = id;
  control.addEventListener('input', () => setValue(attribute.name, control.value.trim() || undefined));
  wrapper.append(label, control);
  return wrapper;
}

function setValue(name, value) {
  if (value === undefined) state.values.delete(name);
  else state.values.set(name, value);
  update();
}

/** Rebuilds the fields of the chosen element (after a change of widget or of language). */
function renderFields() {
  const element = current();
  $('#widget-summary').textContent = state.lang === 'en' ? element.summary : ''; // the manifest's JSDoc is in English
  const attributes = element.attributes.filter((attribute) => attribute.name !== 'api-base');
  const langAttribute = { name: 'lang', type: { text: "'fr' | 'en'" }, default: '', description: 'Language of the widget (default: the page’s).' };
  const scope = SCOPE.map((name) => attributes.find((attribute) => attribute.name === name)).filter(Boolean);
  const options = [...attributes.filter((attribute) => !SCOPE.includes(attribute.name)), langAttribute];
  $('#scope-fields').replaceChildren(...fieldsWithMore(scope, t().moreScope));
  $('#option-fields').replaceChildren(...fieldsWithMore(options, t().moreOptions));
}

/** The main attributes' fields, then the others in a closed <details> (open when one of them has a value). */
function fieldsWithMore(attributes, summaryText) {
  const more = attributes.filter((attribute) => !MAIN.has(attribute.name));
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = summaryText;
  details.append(summary, ...more.map(field));
  details.open = more.some((attribute) => state.values.has(attribute.name));
  return [...attributes.filter((attribute) => MAIN.has(attribute.name)).map(field), ...(more.length ? [details] : [])];
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t().pageTitle;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t()[node.dataset.text];
  $('#ui-lang').value = state.lang;
  const chosen = $('#widget').value;
  $('#widget').replaceChildren(...state.elements.map((element) => new Option(`${t().widgets[element.tag] ?? element.tag} (<${element.tag}>)`, element.tag, false, element.tag === chosen)));
  renderFields();
  update();
}

const escapeAttribute = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The attributes written on the element, in the manifest's order (api-base first when it is not the platform). */
function attributesOf(element) {
  const apiBase = $('#api-base').value.trim().replace(/\/+$/, '');
  const pairs = apiBase && apiBase !== PLATFORM ? [['api-base', apiBase]] : [];
  for (const name of [...element.attributes.map((attribute) => attribute.name), 'lang']) if (state.values.has(name)) pairs.push([name, state.values.get(name)]);
  return pairs;
}

function fallbackOf(element) {
  const lang = state.values.get('lang') ?? state.lang;
  const slug = state.values.get('organization');
  const base = (state.values.get('link-base') ?? PLATFORM).replace(/\/+$/, '');
  const href = slug ? `${base}/#@${encodeURIComponent(slug)}` : `${base}/#search`;
  return { href, text: TEXT[lang].fallback[element.tag] ?? TEXT[lang].fallback.other };
}

/** The snippet: the script tag, the colours when changed, and the element with its fallback link. */
function snippet() {
  const element = current();
  const pinned = $('#integrity').checked;
  const minor = version.split('.').slice(0, 2).join('.');
  const at = pinned ? version : minor;
  const base = {
    jsdelivr: `https://cdn.jsdelivr.net/npm/${PACKAGE}@${at}/dist/`,
    unpkg: `https://unpkg.com/${PACKAGE}@${at}/dist/`,
    self: `${location.origin}/dist/`,
  }[$('#source').value];
  const classic = $('#variant').value === 'classic';
  const file = classic ? 'cc-widgets.iife.js' : `${element.tag}.js`;
  const sri = pinned && state.hashes[file] ? ` integrity="${state.hashes[file]}" crossorigin="anonymous"` : '';
  const script = classic ? `<script src="${base}${file}"${sri} defer></script>` : `<script type="module" src="${base}${file}"${sri}></script>`;
  const style = state.accent ? `<style>\n  ${element.tag} { --cc-color-accent: ${state.accent}; }\n</style>\n` : '';
  const booleans = new Set(element.attributes.filter((attribute) => attribute.type?.text === 'boolean').map((attribute) => attribute.name));
  const attributes = attributesOf(element).map(([name, value]) => (booleans.has(name) ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
  const fallback = fallbackOf(element);
  return `${script}\n${style}\n<${element.tag}${attributes}>\n  <a href="${escapeAttribute(fallback.href)}">${escapeText(fallback.text)}</a>\n</${element.tag}>\n`;
}

let previewTimer;
function update() {
  $('#snippet').value = snippet();
  $('#copy-status').textContent = '';
  clearTimeout(previewTimer);
  previewTimer = setTimeout(renderPreview, 250);
}

/** The preview: the element built with setAttribute (never from the snippet's text), rebuilt when it changes. */
function renderPreview() {
  const element = current();
  const attributes = attributesOf(element);
  const apiBase = $('#api-base').value.trim();
  const key = JSON.stringify([element.tag, attributes, apiBase, state.accent]);
  if (key === state.previewKey) return;
  state.previewKey = key;
  const widget = document.createElement(element.tag);
  for (const [name, value] of attributes) widget.setAttribute(name, value);
  if (!apiBase) widget.setAttribute('api-base', PLATFORM);
  if (state.accent) widget.style.setProperty('--cc-color-accent', state.accent);
  const fallback = fallbackOf(element);
  const link = document.createElement('a');
  link.href = fallback.href;
  link.textContent = fallback.text;
  widget.append(link);
  $('#preview').replaceChildren(widget);
}

/** A commune by name, through the platform's own city search (contract §3.5). */
async function searchCity() {
  const name = $('#city-name').value.trim();
  const status = $('#city-status');
  const results = $('#city-results');
  if (name.length < 2) {
    status.textContent = t().typeName;
    return;
  }
  status.textContent = t().searching;
  const body = new URLSearchParams({ type: 'city', scopeValue: name });
  if ($('#city-country').value) body.set('countryCode', $('#city-country').value);
  const base = ($('#api-base').value.trim() || PLATFORM).replace(/\/+$/, '');
  try {
    const response = await fetch(`${base}/co2/city/autocompletemultiscope`, { method: 'POST', body, credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const json = await response.json();
    // A city row names its commune by INSEE code (contract §3.5); a platform whose projection leaves it out
    // still gives the city's id, which the `city` attribute takes. Zones and postal-code rows repeat a city.
    const rows = Object.values(json?.cities ?? {})
      .filter((row) => row && typeof row.name === 'string' && row.type !== 'zone')
      .map((row) => ({ row, attribute: isInsee(row.insee) ? 'insee' : 'city', value: isInsee(row.insee) ? row.insee : String(row._id?.$id ?? row._id ?? '') }))
      .filter(({ value }) => /^[0-9a-zA-Z*]+$/.test(value));
    const communes = [...new Map(rows.map((commune) => [commune.value, commune])).values()].slice(0, 20);
    const list = results.querySelector('ul');
    list.replaceChildren(...communes.map((commune, index) => {
      const { row } = commune;
      const item = document.createElement('li');
      const label = document.createElement('label');
      label.className = 'check';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'commune';
      radio.id = `commune-${index}`;
      radio.value = commune.value;
      radio.addEventListener('change', () => chooseCity(row.nameCity ?? row.name, commune));
      const codes = (row.postalCodes ?? []).map((postal) => postal?.postalCode).filter((code) => typeof code === 'string');
      label.htmlFor = radio.id;
      label.append(radio, `${row.nameCity ?? row.name}${codes.length ? ` (${codes.join(', ')})` : ''} — ${commune.attribute === 'insee' ? `INSEE ${commune.value}` : `id ${commune.value}`}`);
      item.append(label);
      return item;
    }));
    results.hidden = communes.length === 0;
    status.textContent = communes.length ? t().found(communes.length) : t().none;
  } catch (error) {
    results.hidden = true;
    status.textContent = t().failed(error instanceof Error ? error.message : String(error));
  }
}

const isInsee = (value) => typeof value === 'string' && /^[0-9][0-9AB][0-9]{3}$/.test(value);

/** The chosen commune becomes the widget's `insee` (or `city`) scope, replacing the other one. */
function chooseCity(name, { attribute, value }) {
  for (const other of ['insee', 'city']) {
    if (other === attribute) state.values.set(other, value);
    else state.values.delete(other);
    const input = $(`#field-${other}`);
    if (input) input.value = other === attribute ? value : '';
  }
  $('#city-status').textContent = t().chosen(name, attribute, value);
  update();
}

async function copy() {
  const text = $('#snippet').value;
  try {
    await navigator.clipboard.writeText(text);
    $('#copy-status').textContent = t().copied;
  } catch {
    $('#snippet').focus();
    $('#snippet').select();
    $('#copy-status').textContent = t().selected;
  }
}

async function start() {
  const [manifest, hashes] = await Promise.all(['/custom-elements.json', '/dist/integrity.json'].map((url) => fetch(url).then((response) => response.json())));
  state.elements = elementsOf(manifest);
  state.hashes = hashes;
  const requested = params.get('api-base');
  $('#api-base').value = requested && /^https?:\/\//.test(requested) ? requested : location.origin;
  $('#widget').append(...state.elements.map((element) => new Option(element.tag, element.tag)));
  if (state.elements.some((element) => element.tag === params.get('widget'))) $('#widget').value = params.get('widget');
  $('#widget').addEventListener('change', () => {
    renderFields();
    update();
  });
  $('#ui-lang').addEventListener('change', () => {
    state.lang = $('#ui-lang').value === 'en' ? 'en' : 'fr';
    applyLanguage();
  });
  $('#accent').addEventListener('input', () => {
    state.accent = $('#accent').value;
    update();
  });
  for (const id of ['#source', '#variant', '#integrity', '#api-base']) $(id).addEventListener('input', update);
  $('#city-search').addEventListener('click', searchCity);
  // Enter in the commune's name searches (the form has no submit button, so it never submits).
  $('#city-name').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    searchCity();
  });
  $('#builder').addEventListener('submit', (event) => event.preventDefault());
  $('#copy').addEventListener('click', copy);
  applyLanguage();
  document.body.dataset.ready = 'true';
}

start();
