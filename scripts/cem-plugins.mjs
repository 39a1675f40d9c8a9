// Plugins for @custom-elements-manifest/analyzer (see custom-elements-manifest.config.mjs). They make the
// manifest say what the source already says, with no per-element configuration:
//   - defineElement('cc-x', CcX) in a *.define.ts is a custom-element definition: the class gets its tagName;
//   - re-exported classes (`export { CcX }` in the define module) point at the module that declares them;
//   - private members (`private`, `#x`, Lit's private @state fields) are not public API and are dropped;
//   - a fired event listed in the event map interface (CcEventMap) is typed `CustomEvent<ItsDetail>`;
//   - a field whose type the analyzer could not read, or that names a type alias of literals, gets its type
//     from TypeScript, and a default that names a literal constant gets the constant's value;
//   - attributes carry the type and default of the field they set;
//   - `static properties = COMMON_PROPERTIES` (an object literal declared in another module, with a JSDoc
//     comment per key) adds those properties and attributes, typed by the class and with the defaults that
//     module's initialiser assigns (`element.apiBase = DEFAULT_API_BASE`).
// The analyzer runs user plugins after its own, so every step below sees the core's finished result.
import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import ts from 'typescript';

/**
 * @param {object} options
 * @param {string} options.root the repository root (module paths in the manifest are relative to it)
 * @param {string} [options.defineFunction] the guarded registration function, `defineElement(tag, Class)`
 * @param {{ file: string, interface: string, prefix?: string }} options.eventMap the interface that maps event
 *   names to detail types; every fired event whose name starts with `prefix` must be listed in it
 * @param {string} [options.tsconfig] compiler options for resolving types (relative to root)
 */
export function communecterPlugins({ root, defineFunction = 'defineElement', eventMap, tsconfig = 'tsconfig.json' }) {
  return [
    defineCallsPlugin(defineFunction),
    publicApiPlugin(),
    typedEventsPlugin(root, eventMap),
    sharedPropertiesPlugin(root, tsconfig),
    sourceTypesPlugin(root, tsconfig),
  ];
}

const classDeclarations = (manifest) =>
  manifest.modules.flatMap((module) => (module.declarations ?? []).filter((d) => d.kind === 'class' || d.kind === 'mixin').map((declaration) => ({ module, declaration })));

/** `./cc-x.js` imported from `src/a/b.define.ts` → `src/a/cc-x.ts` when that module is in the manifest. */
function resolveModulePath(fromPath, specifier, knownPaths) {
  const joined = posix.normalize(posix.join(posix.dirname(fromPath), specifier));
  const candidates = [joined, joined.replace(/\.js$/, '.ts'), joined.replace(/\.js$/, '.tsx'), `${joined}/index.ts`];
  return candidates.find((candidate) => knownPaths.has(candidate)) ?? joined;
}

/** Named imports of a source file: local name → module specifier. */
function namedImports(sourceFile) {
  const imports = new Map();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) imports.set(element.name.text, statement.moduleSpecifier.text);
  }
  return imports;
}

function defineCallsPlugin(defineFunction) {
  /** module path → its named imports, for the link phase */
  const importsByModule = new Map();
  return {
    name: 'communecter: defineElement() definitions',
    analyzePhase({ ts: analyzerTs, node, moduleDoc }) {
      if (node.kind === analyzerTs.SyntaxKind.SourceFile) {
        // The analyzer's own TypeScript parsed this file; re-parse the text with ours for a stable API.
        importsByModule.set(moduleDoc.path, namedImports(ts.createSourceFile(moduleDoc.path, node.text, ts.ScriptTarget.Latest)));
        return;
      }
      if (node.kind !== analyzerTs.SyntaxKind.CallExpression) return;
      const [tag, klass] = node.arguments;
      if (node.expression.kind !== analyzerTs.SyntaxKind.Identifier || node.expression.text !== defineFunction) return;
      if (tag?.kind !== analyzerTs.SyntaxKind.StringLiteral || klass?.kind !== analyzerTs.SyntaxKind.Identifier) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        // The module is the import specifier for now; the package link phase resolves it.
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module: moduleDoc.path } },
      ];
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const knownPaths = new Set(manifest.modules.map((module) => module.path));
      for (const module of manifest.modules) {
        const imports = importsByModule.get(module.path) ?? new Map();
        for (const exported of module.exports ?? []) {
          const declaration = exported.declaration;
          if (!declaration || declaration.package || declaration.module !== module.path) continue;
          if ((module.declarations ?? []).some((d) => d.name === declaration.name)) continue;
          const specifier = imports.get(declaration.name);
          if (specifier?.startsWith('.')) declaration.module = resolveModulePath(module.path, specifier, knownPaths);
        }
      }
      for (const module of manifest.modules) {
        for (const definition of (module.exports ?? []).filter((e) => e.kind === 'custom-element-definition')) {
          const { name, module: classModule } = definition.declaration;
          const target = manifest.modules.find((m) => m.path === classModule)?.declarations?.find((d) => d.name === name);
          if (!target) {
            throw new Error(`${module.path}: ${defineFunction}('${definition.name}', ${name}): no class ${name} in ${classModule} (is it in the analyzer's globs?)`);
          }
          if (target.tagName && target.tagName !== definition.name) {
            throw new Error(`${name} is defined twice, as <${target.tagName}> and as <${definition.name}>`);
          }
          target.tagName = definition.name;
          target.customElement = true;
        }
      }
    },
  };
}

function publicApiPlugin() {
  return {
    name: 'communecter: drop private members',
    packageLinkPhase({ customElementsManifest: manifest }) {
      for (const { declaration } of classDeclarations(manifest)) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && !member.name.startsWith('#'));
      }
    },
  };
}

/** `interface CcEventMap { 'cc-load': CcLoadDetail; … }` → Map('cc-load' → 'CcLoadDetail'). */
export function readEventMap(file, interfaceName) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName);
  if (!declaration) throw new Error(`${file}: no interface ${interfaceName}`);
  const map = new Map();
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
    if (name) map.set(name, member.type.getText(source));
  }
  return map;
}

function typedEventsPlugin(root, { file, interface: interfaceName, prefix = 'cc-' }) {
  return {
    name: 'communecter: typed events',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const details = readEventMap(resolve(root, file), interfaceName);
      const untyped = [];
      for (const { declaration } of classDeclarations(manifest)) {
        for (const event of declaration.events ?? []) {
          const detail = details.get(event.name);
          if (detail === undefined) {
            if (event.name.startsWith(prefix) && !event.type) untyped.push(`${declaration.name} fires ${event.name}`);
            continue;
          }
          const text = `CustomEvent<${detail}>`;
          event.type = { text };
          if (/^[A-Za-z_$][\w$]*$/.test(detail)) {
            const start = 'CustomEvent<'.length;
            event.type.references = [{ name: detail, module: file, start, end: start + detail.length }];
          }
        }
      }
      if (untyped.length) {
        throw new Error(`events missing from ${interfaceName} (${file}), so their detail has no type: ${untyped.join('; ')}`);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Types and defaults from TypeScript

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function loadCompilerOptions(root, tsconfig) {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(root, tsconfig), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  return { ...parsed.options, noEmit: true };
}

/** The declaration behind an identifier or a type name, through imports. */
function declarationsOf(checker, node) {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations ?? [];
}

const singleQuoted = (value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Source text of a literal (strings single-quoted, as the analyzer prints them), or undefined. */
function literalText(node) {
  if (ts.isLiteralTypeNode(node)) return literalText(node.literal);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return singleQuoted(node.text);
  if (ts.isNumericLiteral(node)) return node.getText();
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return node.getText();
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return node.getText();
  return undefined;
}

const KEYWORD_TYPES = new Set([ts.SyntaxKind.StringKeyword, ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword, ts.SyntaxKind.UndefinedKeyword]);

/**
 * `DirectorySort` (`type DirectorySort = 'name' | 'recent'`) → `'name' | 'recent'`, in source order, through
 * aliases of aliases; undefined when the type is anything but literals and primitive keywords.
 */
function expandTypeNode(checker, node, depth = 0) {
  if (depth > 8) return undefined;
  const literal = literalText(node);
  if (literal !== undefined) return [literal];
  if (KEYWORD_TYPES.has(node.kind)) return [node.getText()];
  if (ts.isParenthesizedTypeNode(node)) return expandTypeNode(checker, node.type, depth + 1);
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.map((t) => expandTypeNode(checker, t, depth + 1));
    return parts.every(Boolean) ? [...new Set(parts.flat())] : undefined;
  }
  if (ts.isTypeReferenceNode(node) && !node.typeArguments) {
    const alias = declarationsOf(checker, node.typeName).find(ts.isTypeAliasDeclaration);
    return alias && !alias.typeParameters ? expandTypeNode(checker, alias.type, depth + 1) : undefined;
  }
  return undefined;
}

/** `DEFAULT_API_BASE` → `'https://www.communecter.org'` when it is a `const` with a literal value. */
function constantValue(checker, identifier) {
  const variable = declarationsOf(checker, identifier).find(ts.isVariableDeclaration);
  if (!variable?.initializer || !(ts.getCombinedNodeFlags(variable) & ts.NodeFlags.Const)) return undefined;
  return literalText(variable.initializer);
}

function classMembers(sourceFile, className) {
  const members = new Map();
  const visit = (node) => {
    if (ts.isClassDeclaration(node) && node.name?.text === className) {
      for (const member of node.members) {
        if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) members.set(member.name.text, member);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return members;
}

function sourceTypesPlugin(root, tsconfig) {
  return {
    name: 'communecter: types and defaults from TypeScript',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elements = classDeclarations(manifest).filter(({ declaration }) => declaration.customElement);
      if (!elements.length) return;
      const files = [...new Set(elements.map(({ module }) => resolve(root, module.path)))];
      const program = ts.createProgram(files, loadCompilerOptions(root, tsconfig));
      const checker = program.getTypeChecker();
      for (const { module, declaration } of elements) {
        const sourceFile = program.getSourceFile(resolve(root, module.path));
        if (!sourceFile) continue;
        const nodes = classMembers(sourceFile, declaration.name);
        for (const member of declaration.members ?? []) {
          const node = nodes.get(member.name);
          if (member.kind !== 'field' || !node) continue;
          const typeNode = ts.isPropertyDeclaration(node) || ts.isGetAccessorDeclaration(node) ? node.type : undefined;
          const expanded = typeNode && ts.isTypeReferenceNode(typeNode) ? expandTypeNode(checker, typeNode) : undefined;
          if (expanded) {
            member.type = { text: expanded.join(' | ') };
          } else if (!member.type?.text) {
            const text = checker.typeToString(checker.getTypeAtLocation(node));
            if (text !== 'any') member.type = { text };
          }
          if (member.default && IDENTIFIER.test(member.default) && ts.isPropertyDeclaration(node) && node.initializer && ts.isIdentifier(node.initializer)) {
            member.default = constantValue(checker, node.initializer) ?? member.default;
          }
        }
        for (const attribute of declaration.attributes ?? []) {
          const field = declaration.members?.find((member) => member.name === attribute.fieldName);
          if (!field) continue;
          if (field.type) attribute.type = { ...field.type };
          if (field.default !== undefined) attribute.default = field.default;
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Properties declared once for several elements

/** The initializer of `static properties = X` in a class, or undefined. */
function staticPropertiesIdentifier(sourceFile, className) {
  const node = classMembers(sourceFile, className).get('properties');
  if (!node || !ts.isPropertyDeclaration(node) || !node.initializer) return undefined;
  return ts.isIdentifier(node.initializer) ? node.initializer : undefined;
}

/** `{…} as const satisfies T` → `{…}`. */
function unwrapExpression(node) {
  while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))) node = node.expression;
  return node;
}

function jsDocText(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const comment = docs.map((doc) => (typeof doc.comment === 'string' ? doc.comment : ts.getTextOfJSDocComment(doc.comment) ?? '')).join('\n').trim();
  return comment || undefined;
}

/** `element.name = value` assignments in the functions of a module: name → default text. */
function assignedDefaults(checker, sourceFile) {
  const defaults = new Map();
  const visit = (node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      const value = literalText(node.right) ?? (ts.isIdentifier(node.right) ? constantValue(checker, node.right) : undefined);
      if (value !== undefined) defaults.set(node.left.name.text, value);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return defaults;
}

function sharedPropertiesPlugin(root, tsconfig) {
  return {
    name: 'communecter: properties declared once for several elements',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elements = classDeclarations(manifest).filter(({ declaration }) => declaration.customElement);
      if (!elements.length) return;
      const program = ts.createProgram([...new Set(elements.map(({ module }) => resolve(root, module.path)))], loadCompilerOptions(root, tsconfig));
      const checker = program.getTypeChecker();
      for (const { module, declaration } of elements) {
        const sourceFile = program.getSourceFile(resolve(root, module.path));
        const identifier = sourceFile && staticPropertiesIdentifier(sourceFile, declaration.name);
        if (!identifier) continue;
        const variable = declarationsOf(checker, identifier).find(ts.isVariableDeclaration);
        const literal = unwrapExpression(variable?.initializer);
        if (!literal || !ts.isObjectLiteralExpression(literal)) continue;
        const defaults = assignedDefaults(checker, variable.getSourceFile());
        const classNode = classMembers(sourceFile, declaration.name).get('properties').parent;
        const instanceType = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(classNode.name));
        const members = [];
        const attributes = [];
        for (const property of literal.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
          const name = property.name.text;
          const options = unwrapExpression(property.initializer);
          const option = (key) => (ts.isObjectLiteralExpression(options) ? options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === key)?.initializer : undefined);
          const symbol = instanceType.getProperty(name);
          // Literal unions are printed single-quoted, as the analyzer prints them elsewhere.
          const typeText = symbol ? checker.typeToString(checker.getTypeOfSymbol(symbol)).replace(/"([^"]*)"/g, "'$1'") : undefined;
          const type = typeText && typeText !== 'any' ? { text: typeText } : undefined;
          const description = jsDocText(property);
          const fallback = defaults.get(name);
          const attributeNode = option('attribute');
          const attribute = attributeNode && ts.isStringLiteral(attributeNode) ? attributeNode.text : attributeNode?.kind === ts.SyntaxKind.FalseKeyword ? undefined : name.toLowerCase();
          members.push({ kind: 'field', name, privacy: 'public', ...(type ? { type } : {}), ...(fallback !== undefined ? { default: fallback } : {}), ...(description ? { description } : {}), ...(attribute ? { attribute } : {}) });
          if (attribute) attributes.push({ name: attribute, fieldName: name, ...(type ? { type } : {}), ...(fallback !== undefined ? { default: fallback } : {}), ...(description ? { description } : {}) });
        }
        const own = new Set((declaration.members ?? []).map((member) => member.name));
        declaration.members = [...members.filter((member) => !own.has(member.name)), ...(declaration.members ?? []).filter((member) => member.name !== 'properties')];
        const ownAttributes = new Set((declaration.attributes ?? []).map((attribute) => attribute.name));
        declaration.attributes = [...attributes.filter((attribute) => !ownAttributes.has(attribute.name)), ...(declaration.attributes ?? [])];
      }
    },
  };
}

