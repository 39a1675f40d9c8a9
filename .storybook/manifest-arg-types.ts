// Storybook's web-components renderer reads argTypes from the custom-elements manifest (setCustomElementsManifest
// in preview.ts): public fields as "properties", then attributes, events, slots, parts and CSS properties.
// This enhancer fits them to the stories, which set args by property name (`pageSize`, rendered as
// `page-size=…`), with nothing written per element:
//   - one row per property, with its attribute named in the description (the renderer makes a second row
//     for `page-size`, whose control would edit an arg no story reads);
//   - a type that is a union of string literals (`'cards' | 'list'`) becomes a radio or select control;
//   - events, slots, parts and CSS properties are documented rows, without a control.
import type { Preview } from '@storybook/web-components-vite';

type Enhancer = NonNullable<Preview['argTypesEnhancers']>[number];
type ArgType = ReturnType<Enhancer>[string];

interface ManifestField {
  kind: string;
  name: string;
  attribute?: string;
  privacy?: string;
  static?: boolean;
  type?: { text: string };
}
interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestField[];
  attributes?: { name: string; fieldName?: string }[];
}
export interface Manifest {
  modules: { declarations?: ManifestDeclaration[] }[];
}

const PROPERTY_CATEGORY = 'properties';
/** Rows the renderer makes for what a story cannot set through args. */
const DOCUMENTED_ONLY = new Set(['events', 'slots', 'css custom properties', 'css shadow parts']);

/** `'a' | 'b' | null` → `['a', 'b']`; undefined when the type is anything else. */
function stringLiterals(typeText: string): string[] | undefined {
  const parts = typeText.split('|').map((part) => part.trim()).filter((part) => part !== 'null' && part !== 'undefined');
  const literals = parts.map((part) => /^'((?:[^'\\]|\\.)*)'$/.exec(part)?.[1]);
  return literals.length && literals.every((value) => value !== undefined) ? (literals as string[]) : undefined;
}

function propertyRow(row: ArgType, field: ManifestField): ArgType {
  const where = field.attribute ? `Attribute \`${field.attribute}\`.` : 'Property only (no attribute).';
  const enhanced: ArgType = {
    ...row,
    name: field.name,
    description: [row.description, where].filter(Boolean).join('\n\n'),
    table: { ...row.table, category: PROPERTY_CATEGORY },
  };
  // A story's own argTypes (already merged into `row`) win over what the type suggests.
  if (row.control !== undefined || !field.type) return enhanced;
  const options = stringLiterals(field.type.text);
  if (options) {
    enhanced.type = { name: 'enum', value: options };
    enhanced.options = options;
    enhanced.control = { type: options.length <= 4 ? 'inline-radio' : 'select' };
  } else if (/^(string|number|boolean)( \| null)?$/.test(field.type.text)) {
    // `string | null` is still typed into a text field.
    enhanced.type = { name: field.type.text.split(' ')[0] as 'string' | 'number' | 'boolean' };
  }
  return enhanced;
}

export function manifestArgTypes(manifest: Manifest | undefined): Enhancer {
  return (context) => {
    const { argTypes, component } = context;
    const declaration = manifest?.modules
      .flatMap((module) => module.declarations ?? [])
      .find((candidate) => candidate.tagName !== undefined && candidate.tagName === component);
    if (!declaration) return argTypes;

    // Properties first (what a story sets), then the documented-only rows, in the renderer's order.
    const result: Record<string, ArgType> = {};
    const fields = (declaration.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public');
    for (const field of fields) {
      // The renderer's row for the property, or for its attribute when both have the same name.
      const row = argTypes[field.name] ?? argTypes[field.attribute ?? ''];
      if (row) result[field.name] = propertyRow(row, field);
    }
    const linkedAttributes = new Set((declaration.attributes ?? []).filter((a) => a.fieldName).map((a) => a.name));
    for (const [key, row] of Object.entries(argTypes)) {
      if (key in result) continue;
      const category = String(row.table?.category ?? '');
      if (category === PROPERTY_CATEGORY || (category === 'attributes' && linkedAttributes.has(key))) continue;
      result[key] = DOCUMENTED_ONLY.has(category) && !row.table?.disable ? { ...row, control: false } : row;
    }
    return result as ReturnType<Enhancer>;
  };
}
