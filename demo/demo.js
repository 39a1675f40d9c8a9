// Demo glue, loaded BEFORE /dist/cc-widgets.js (module scripts run in document order), so every widget
// already has its api-base when it upgrades and makes its first request.
//   - api-base = this page's origin (demo/server.mjs mounts the sandbox there), unless the page address
//     has ?api-base=https://… (e.g. a sandbox elsewhere, or a same-origin proxy of communecter.org);
//   - <cc-map> without a `tiles` attribute gets the sandbox's stand-in tiles (this page's origin: the demo
//     server always mounts a sandbox; no tile server on the internet is reached), with their attribution;
//   - on the index page, a live check that the sandbox answers, with element counts.

const requested = new URLSearchParams(location.search).get('api-base');
const apiBase = requested && /^https?:\/\//.test(requested) ? requested.replace(/\/+$/, '') : location.origin;

for (const element of document.querySelectorAll('*')) {
  if (element.localName.startsWith('cc-') && !element.hasAttribute('api-base')) {
    element.setAttribute('api-base', apiBase);
  }
}
// Natural Earth is public domain; the attribution says what the tiles are, as a real tile server's would.
export const SANDBOX_TILES = `${location.origin}/tiles/{z}/{x}/{y}.svg`;
export const SANDBOX_TILES_ATTRIBUTION = 'Fond de carte : Natural Earth (domaine public), tuiles de démonstration du bac à sable';
for (const map of document.querySelectorAll('cc-map:not([tiles])')) {
  map.setAttribute('tiles', SANDBOX_TILES);
  map.setAttribute('tiles-attribution', SANDBOX_TILES_ATTRIBUTION);
}
for (const output of document.querySelectorAll('[data-api-base]')) output.textContent = apiBase;

const TYPES = [
  ['organizations', 'Organisations'],
  ['projects', 'Projets'],
  ['events', 'Événements'],
  ['poi', 'Lieux et points d’intérêt'],
  ['classifieds', 'Annonces'],
  ['ressources', 'Ressources'],
];

async function checkSandbox(status) {
  const body = new URLSearchParams();
  for (const [type] of TYPES) {
    body.append('searchType[]', type);
    body.append('countType[]', type);
  }
  body.set('count', 'true');
  body.set('indexMin', '0');
  body.set('indexStep', '1');
  const started = performance.now();
  try {
    // A CORS-"simple" request, exactly like the widgets make: POST form data, no custom header.
    const response = await fetch(`${apiBase}/co2/search/globalautocomplete`, { method: 'POST', body, credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const json = await response.json();
    const ms = Math.round(performance.now() - started);
    const counts = json.count ?? {};
    const rows = TYPES.filter(([type]) => type in counts)
      .map(([type, label]) => `<tr><th scope="row">${label}</th><td>${Number(counts[type]).toLocaleString('fr-FR')}</td></tr>`)
      .join('');
    status.dataset.state = 'ok';
    status.innerHTML = `<p><strong>Le bac à sable répond</strong> (${ms} ms) sur <code></code>.</p>
      <table><caption>Éléments disponibles</caption><thead><tr><th scope="col">Type</th><th scope="col">Nombre</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="2">aucun comptage renvoyé</td></tr>'}</tbody></table>`;
    status.querySelector('code').textContent = apiBase;
  } catch (error) {
    status.dataset.state = 'error';
    status.innerHTML = '<p><strong>Le bac à sable ne répond pas</strong> sur <code></code> : <span></span></p>';
    status.querySelector('code').textContent = apiBase;
    status.querySelector('span').textContent = String(error.message ?? error);
  }
}

const status = document.getElementById('sandbox-status');
if (status) checkSandbox(status);
