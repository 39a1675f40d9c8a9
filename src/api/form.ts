/**
 * PHP bracket notation for `application/x-www-form-urlencoded` bodies. The platform reads `$_POST`,
 * so arrays are `searchType[]=events` and maps `locality[KEY][id]=…`; a JSON body is not parsed.
 */
export type FormValue = string | number | boolean | null | undefined | readonly FormValue[] | FormFields;
export interface FormFields {
  readonly [key: string]: FormValue;
}

function append(params: URLSearchParams, key: string, value: FormValue): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value as readonly FormValue[]) {
      // Nested arrays/maps inside a list need an index to stay unambiguous for PHP.
      if (item !== null && typeof item === 'object') {
        throw new TypeError(`Form field ${key}[] cannot hold objects`);
      }
      append(params, `${key}[]`, item);
    }
    return;
  }
  if (typeof value === 'object') {
    for (const [subKey, subValue] of Object.entries(value as FormFields)) append(params, `${key}[${subKey}]`, subValue);
    return;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return;
  params.append(key, String(value));
}

/** Encodes fields in insertion order; `undefined`/`null` fields are left out. */
export function encodeForm(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) append(params, key, value);
  return params.toString();
}
