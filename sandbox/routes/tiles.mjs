import { html, errorPage } from '../lib/http.mjs';
export function serveTile() {
  return html(404, errorPage(404, 'Tuile inconnue.'));
}
