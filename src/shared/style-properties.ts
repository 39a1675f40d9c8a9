/**
 * Inline style properties written through the CSSOM only. Lit's `styleMap` writes its first value as a
 * `style` attribute string, which a page's strict CSP (`style-src` without 'unsafe-inline') blocks and
 * reports to its `report-uri`; `element.style.setProperty` is not governed by CSP. Keys are CSS property
 * names as written in CSS (`transform`, `--_donut`).
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

type Properties = Readonly<Record<string, string>>;

class StyleProperties extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') throw new Error('styleProperties() belongs in a style attribute');
  }

  render(_properties: Properties): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [Properties]): typeof noChange {
    const style = part.element.style;
    for (const name of this.previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(properties));
    return noChange;
  }
}

export const styleProperties = directive(StyleProperties);
