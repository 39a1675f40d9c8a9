/**
 * Guarded registration: a host page may load the bundle twice (a CMS plugin and a theme, two
 * versions…). The second `define` of a tag would throw NotSupportedError and break the page, so it
 * is skipped, with one console note when the second copy is a different class.
 */
const warned = new Set<string>();

export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    if (!warned.has(tag)) {
      warned.add(tag);
      console.info(`[communecter-widgets] <${tag}> is already defined by another copy of the library; this copy is not used for it.`);
    }
    return;
  }
  try {
    customElements.define(tag, constructor);
  } catch (error) {
    // Another copy won a race between get() and define(): same outcome as above.
    if (!customElements.get(tag)) throw error;
  }
}
