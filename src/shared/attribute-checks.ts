/**
 * Presentation attributes that fall back to a default when their value is unusable (`view`,
 * `page-size`, `lang`…): the element keeps working, and a non-fatal `ConfigProblem` naming the value
 * used instead makes `ResultsController` warn the webmaster once.
 */
import type { ConfigProblem } from '../api/scope.js';
import { toSupportedLocale } from './i18n/locale-controller.js';

/** A non-fatal problem: `value` of `attribute` is not valid, `fallback` is used instead. */
export function fallbackProblem(attribute: string, value: string, fallback: string): ConfigProblem {
  return { attribute, value, fatal: false, fallback };
}

/** The attribute as written, or null when absent or blank. */
function written(element: Element, attribute: string): string | null {
  const value = element.getAttribute(attribute);
  return value === null || value.trim() === '' ? null : value;
}

/** `attribute` must be one of `allowed` (exactly); else `fallback` is used. */
export function checkChoice(element: Element, attribute: string, allowed: readonly string[], fallback: string): ConfigProblem[] {
  const value = written(element, attribute);
  return value === null || allowed.includes(value) ? [] : [fallbackProblem(attribute, value, fallback)];
}

/** `attribute` must be an integer in [min, max]; `used` is what the element does with it. */
export function checkInteger(element: Element, attribute: string, min: number, max: number, used: string): ConfigProblem[] {
  const value = written(element, attribute);
  if (value === null) return [];
  const number = Number(value.trim());
  return /^\s*[+-]?\d+\s*$/.test(value) && number >= min && number <= max ? [] : [fallbackProblem(attribute, value, used)];
}

/** The element's own `lang`, when it names no language the widgets speak. */
export function checkLang(element: Element, resolved: string): ConfigProblem[] {
  const value = written(element, 'lang');
  return value === null || toSupportedLocale(value) ? [] : [fallbackProblem('lang', value, resolved)];
}

/** Each item of a comma list outside `allowed`; the fallback applies when no item is left. */
export function checkListChoice(attribute: string, items: readonly string[], allowed: (item: string) => boolean, fallback: string): ConfigProblem[] {
  const invalid = items.filter((item) => !allowed(item));
  if (invalid.length === 0) return [];
  const used = invalid.length === items.length ? fallback : items.filter(allowed).join(',');
  return [fallbackProblem(attribute, invalid.join(','), used)];
}
