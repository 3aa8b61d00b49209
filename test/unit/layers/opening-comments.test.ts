/**
 * Every file under shared/, src/ and server/ that exports a name another file uses says that name
 * once in its opening comment (issue 23, item 2): a maintainer who opens the file learns what it is
 * for and which of its names the rest of the project leans on, without grepping for importers.
 *
 * "Used" means imported by any other .ts/.tsx of the project (src, shared, server, cloudfunctions,
 * test, scripts, bench, config) — tests count, since a name a test pins is part of what the file
 * promises. A name is credited to the file that declares it: imports through a layer's entry
 * (`@policy/engine`, `../view`) and any `export *` / `export { } from` are followed to it.
 * A default export is said by the file's description (the importer picks its name), so it needs an
 * opening comment but no particular word.
 *
 * Entry files — an index.ts whose every statement is a re-export — declare nothing: each name is
 * said where it is declared, so listing them again here would be a second copy that drifts. An
 * entry needs only a description of the folder it opens.
 *
 * Imports and exports are read with the TypeScript compiler's parser, not patterns.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const CHECKED = ['shared', 'src', 'server'];
const IMPORTERS = ['shared', 'src', 'server', 'cloudfunctions', 'test', 'scripts', 'bench', 'config'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'dist-h5', '.cache', 'artifacts']);
/** tsconfig.json `paths` (and jest's moduleNameMapper). */
const ALIASES: [RegExp, string][] = [
  [/^@policy\/(.*)$/, 'shared/policy/$1'],
  [/^@cloud-api$/, 'shared/cloud/index.ts'],
  [/^@cloud-api\/(.*)$/, 'shared/cloud/$1'],
  [/^@\/(.*)$/, 'src/$1'],
];

function walk(dir: string, out: string[]): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return out;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) walk(rel, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const files = IMPORTERS.flatMap((d) => walk(d, []));
const known = new Set(files);

const parsed = new Map<string, ts.SourceFile>();
function source(file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    parsed.set(file, sf);
  }
  return sf;
}

/** The project file a module specifier names, or null for a package or a non-TS file. */
function resolve(from: string, spec: string): string | null {
  let base: string | null = null;
  if (spec.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else {
    for (const [re, to] of ALIASES) if (re.test(spec)) { base = spec.replace(re, to); break; }
  }
  if (base === null) return null;
  const stem = base.replace(/\.(js|jsx)$/, '');
  for (const c of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`]) if (known.has(c)) return c;
  return null;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function bindingNames(name: ts.BindingName, out: string[]) {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
}

interface ModuleShape {
  /** Names declared here and exported (an `export { a as b }` of a local declaration maps b → here). */
  declared: Set<string>;
  /** Exported names that come from another module: exported name → [module, its name there]. */
  forwarded: Map<string, [string, string]>;
  /** `export * from` targets. */
  stars: string[];
  /** Local import bindings: local name → [module, imported name] (for `export { x }` of an import). */
  imported: Map<string, [string, string]>;
}

const shapes = new Map<string, ModuleShape>();
function shape(file: string): ModuleShape {
  const cached = shapes.get(file);
  if (cached) return cached;
  const s: ModuleShape = { declared: new Set(), forwarded: new Map(), stars: [], imported: new Map() };
  shapes.set(file, s);
  const sf = source(file);
  const localExports: [string, string][] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const target = resolve(file, st.moduleSpecifier.text);
      const clause = st.importClause;
      if (!target || !clause) continue;
      if (clause.name) s.imported.set(clause.name.text, [target, 'default']);
      const nb = clause.namedBindings;
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) s.imported.set(el.name.text, [target, (el.propertyName ?? el.name).text]);
    } else if (ts.isExportDeclaration(st)) {
      const target = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? resolve(file, st.moduleSpecifier.text) : null;
      if (st.moduleSpecifier) {
        if (!target) continue;
        if (!st.exportClause) s.stars.push(target);
        else if (ts.isNamespaceExport(st.exportClause)) s.forwarded.set(st.exportClause.name.text, [target, '*']);
        else for (const el of st.exportClause.elements) s.forwarded.set(el.name.text, [target, (el.propertyName ?? el.name).text]);
      } else if (st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) localExports.push([el.name.text, (el.propertyName ?? el.name).text]);
      }
    } else if (ts.isExportAssignment(st)) {
      s.declared.add('default');
    } else if (hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      if (hasModifier(st, ts.SyntaxKind.DefaultKeyword)) s.declared.add('default');
      else if (ts.isVariableStatement(st)) {
        const names: string[] = [];
        for (const d of st.declarationList.declarations) bindingNames(d.name, names);
        names.forEach((n) => s.declared.add(n));
      } else {
        const name = (st as ts.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) s.declared.add(name.text);
      }
    }
  }
  for (const [exported, local] of localExports) {
    const via = s.imported.get(local);
    if (via) s.forwarded.set(exported, via);
    else s.declared.add(exported);
  }
  return s;
}

/** The files that declare `name` as exported from `file` (several only for clashing `export *`). */
function definers(file: string, name: string, seen = new Set<string>()): [string, string][] {
  const key = `${file}#${name}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const s = shape(file);
  if (s.declared.has(name)) return [[file, name]];
  const fwd = s.forwarded.get(name);
  if (fwd) return fwd[1] === '*' ? [] : definers(fwd[0], fwd[1], seen);
  if (name === 'default') return [];
  return s.stars.flatMap((t) => definers(t, name, seen));
}

/** Every (module, name) a file takes from another project file. */
function uses(file: string): [string, string][] {
  const sf = source(file);
  const out: [string, string][] = [];
  const namespaces = new Map<string, string>();
  const taken = (target: string | null, name: string) => { if (target && target !== file) out.push([target, name]); };

  const specOf = (node: ts.Expression | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : null);
  // Property names read off a dynamic import or require: `(await import(x)).a`, `const { a } = …`.
  const namesReadOff = (call: ts.Node): string[] => {
    let node: ts.Node = call;
    while (
      node.parent && (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) ||
      ts.isAsExpression(node.parent) || ts.isTypeAssertionExpression(node.parent))
    ) node = node.parent;
    const p = node.parent;
    if (p && ts.isPropertyAccessExpression(p) && p.expression === node) return [p.name.text];
    if (p && ts.isVariableDeclaration(p) && ts.isObjectBindingPattern(p.name)) {
      return p.name.elements.map((el) => (el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : '')).filter(Boolean);
    }
    return [];
  };

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const target = resolve(file, specOf(node.moduleSpecifier) ?? '');
      const clause = node.importClause;
      if (target && clause) {
        if (clause.name) taken(target, 'default');
        const nb = clause.namedBindings;
        if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) taken(target, (el.propertyName ?? el.name).text);
        if (nb && ts.isNamespaceImport(nb)) namespaces.set(nb.name.text, target);
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const target = resolve(file, specOf(node.moduleSpecifier) ?? '');
      if (target && node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const el of node.exportClause.elements) taken(target, (el.propertyName ?? el.name).text);
      }
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'jest' && callee.name.text === 'requireActual');
      const spec = dynamic ? specOf(node.arguments[0]) : null;
      if (spec) {
        const target = resolve(file, spec);
        for (const n of namesReadOff(node)) taken(target, n);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const target = resolve(file, node.argument.literal.text);
      if (node.qualifier) taken(target, ts.isIdentifier(node.qualifier) ? node.qualifier.text : node.qualifier.left.getText());
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && namespaces.has(node.expression.text)) {
      taken(namespaces.get(node.expression.text)!, node.name.text);
    } else if (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && namespaces.has(node.left.text)) {
      taken(namespaces.get(node.left.text)!, node.right.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Declaring file → names of it other files use. */
const used = new Map<string, Set<string>>();
for (const importer of files) {
  for (const [target, name] of uses(importer)) {
    for (const [definer, local] of definers(target, name)) {
      if (definer === importer) continue;
      if (!used.has(definer)) used.set(definer, new Set());
      used.get(definer)!.add(local);
    }
  }
}

/** Comments before the first token of the file (license-style or JSDoc, `//` or `/* *\/`). */
function openingComment(file: string): string {
  const text = source(file).getFullText();
  return (ts.getLeadingCommentRanges(text, 0) ?? []).map((r) => text.slice(r.pos, r.end)).join('\n');
}

const isEntry = (file: string) => {
  const st = source(file).statements;
  return /\/index\.tsx?$/.test(file) && st.length > 0 && st.every((s) => ts.isExportDeclaration(s) && !!s.moduleSpecifier);
};

const mentions = (comment: string, name: string) =>
  new RegExp(`(?<![A-Za-z0-9_$])${name.replace(/\$/g, '\\$')}(?![A-Za-z0-9_$])`).test(comment);

/** What the file's opening comment lacks: '(no opening comment)' and/or the names it does not say. */
function missing(file: string): string[] {
  const comment = openingComment(file);
  const names = [...(used.get(file) ?? [])].sort();
  if (isEntry(file)) return comment ? [] : ['(no opening comment)'];
  const lack = names.filter((n) => n !== 'default' && !mentions(comment, n));
  return !comment && names.length > 0 ? ['(no opening comment)', ...lack] : lack;
}

const checked = files.filter((f) => CHECKED.some((d) => f.startsWith(`${d}/`)) && !f.endsWith('.d.ts')).sort();
const rows = checked.filter((f) => used.has(f) || isEntry(f)).map((f) => [f] as const);

describe('opening comments name what other files use', () => {
  it('finds the files to check (the parse found imports across the project)', () => {
    expect(rows.length).toBeGreaterThan(100);
    // A name known to be used through the engine's entry is credited to the file that declares it.
    expect(used.get('shared/policy/engine/evaluate.ts')?.has('evaluate')).toBe(true);
  });

  it.each(rows)('%s says in its opening comment each of its names other files use', (file) => {
    expect(missing(file)).toEqual([]);
  });
});
