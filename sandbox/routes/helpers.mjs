// The two lookup helpers a widget needs before searching: slug → element, and name/postal code → commune or zone.
import { json } from '../lib/http.mjs';
import { foldForSearch } from '../lib/text.mjs';

/** GET /co2/slug/getinfo/key/{slug}: exact, case-sensitive; anything after a "." is dropped. */
export function slugInfo(data, params) {
  const slug = String(params.key ?? '').split('.')[0];
  const found = slug ? data.slugs.get(slug) : undefined;
  return json(found ? { result: true, contextId: found.id, contextType: found.type } : { result: false });
}

/**
 * POST /co2/city/autocompletemultiscope (City::searchCity for city/cp/locality, a zone lookup for
 * "zone"). The city answer is a JSON *list*: the PHP rebuilds it with [] (one row per city, plus one
 * per postal code for multi-code communes, then matching zones); zones alone come back keyed by id.
 */
export function autocompleteMultiScope(data, post) {
  const type = typeof post.type === 'string' ? post.type : null;
  const scopeValue = typeof post.scopeValue === 'string' ? post.scopeValue : null;
  if (!type || !scopeValue) return json({ res: false, msg: 'error with type or scopeValue' });
  const countryCode = typeof post.countryCode === 'string' ? post.countryCode.toUpperCase() : '';
  const needle = foldForSearch(scopeValue);

  if (type === 'zone') {
    const zones = data.collections.zones
      .filter((entry) => entry.doc.countryCode === countryCode && (foldForSearch(entry.doc.name) ?? '').includes(needle))
      .map((entry) => entry.doc)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, 40);
    const byId = {};
    for (const zone of zones) byId[zone._id.$id] = { _id: zone._id, name: zone.name, countryCode: zone.countryCode, level: zone.level };
    return json({ res: true, cities: zones.length ? byId : [] });
  }

  const rawNeedle = scopeValue.toLowerCase();
  const cities = data.collections.cities.filter((entry) => {
    const doc = entry.doc;
    if (countryCode && doc.country !== countryCode) return false;
    if ((foldForSearch(doc.name) ?? '').includes(needle)) return true;
    return doc.postalCodes.some((postal) => (foldForSearch(postal.name) ?? '').includes(needle) || postal.postalCode.toLowerCase().startsWith(rawNeedle));
  });
  const zones = data.collections.zones.filter((entry) => (!countryCode || entry.doc.countryCode === countryCode) && (foldForSearch(entry.doc.name) ?? '').includes(needle));

  // Contract §3.5: cities carry name, insee, country, postalCodes[], level1..level4 (+ names) and geo.
  const cityRow = (doc) => ({
    _id: doc._id, name: doc.name, insee: doc.insee, postalCodes: doc.postalCodes, country: doc.country, geo: doc.geo,
    level1: doc.level1, level1Name: doc.level1Name, level3: doc.level3, level3Name: doc.level3Name, level4: doc.level4, level4Name: doc.level4Name,
  });
  const sharingPostalCode = (doc, postalCode) => data.collections.cities.filter((entry) => entry.doc.country === doc.country && entry.doc.postalCodes.some((postal) => postal.postalCode === postalCode)).length;

  if (post.formInMap !== undefined && post.formInMap !== '') {
    // formInMap keeps the id-keyed map (and would fall back to Nominatim when empty: not reachable here).
    const byId = {};
    for (const entry of cities) byId[entry.id] = cityRow(entry.doc);
    return json({ res: true, cities: cities.length ? byId : [] });
  }

  const rows = [];
  for (const entry of cities) {
    const city = { ...cityRow(entry.doc), type: 'city' };
    if (city.postalCodes.length === 1) {
      city.allCP = true;
      const count = sharingPostalCode(entry.doc, city.postalCodes[0].postalCode);
      city.uniqueCp = count <= 1;
      if (count > 1) city.postalCode = city.postalCodes[0].postalCode;
      rows.push(city);
    } else {
      rows.push({ ...city });
      city.allCP = false;
      for (const postal of city.postalCodes) {
        rows.push({ ...city, uniqueCp: sharingPostalCode(entry.doc, postal.postalCode) <= 1, postalCode: postal.postalCode, nameCity: city.name, name: postal.name });
      }
    }
  }
  for (const entry of zones) {
    const doc = entry.doc;
    const zone = { _id: doc._id, name: doc.name, level: doc.level, countryCode: doc.countryCode };
    for (const key of ['level1', 'level1Name', 'level3', 'level3Name']) if (doc[key] !== undefined) zone[key] = doc[key];
    zone.type = 'zone';
    rows.push(zone);
  }
  return json({ res: true, cities: rows });
}

