/**
 * Large text (issue 26, item 5): pages follow WeChat's font size up to 关怀模式 (23.8 px, 1.4×)
 * through one variable, `--text-scale`, that each page's root sets (pageTextStyle,
 * src/components/text-scale) and every text size multiplies (text-size() in
 * src/components/styles/_tokens.scss). A size written as plain px would ignore the setting, and a
 * page root without the style would keep all its text at 1×, so both are read from the source here;
 * and a control that shows only a sign (×, ＋, →) says what it does to a screen reader.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { filesUnder } from '../../support/source-files';

const SRC = path.join(__dirname, '../../../src');
const read = (file: string) => fs.readFileSync(path.join(SRC, file), 'utf8');
const scss = filesUnder(SRC, /\.scss$/);
const tsx = filesUnder(SRC, /\.tsx$/);

/** font-size / line-height declarations whose value is a length not passed through text-size(). */
const fixedTextSizes = (text: string) =>
  [...text.matchAll(/^\s*(font-size|line-height)\s*:\s*([^;]+);/gm)]
    .filter(([, , value]) => /\d(px|rpx|rem|em|vw)\b/.test(value) && !/^text-size\(/.test(value.trim()))
    .map(([line]) => line.trim());

it.each(scss)('%s sizes its text with text-size(), so it follows WeChat’s font size', (file) => {
  expect(fixedTextSizes(read(file))).toEqual([]);
});

/** The page roots (`className='page …'`) of a file, and those among them without pageTextStyle(). */
const pageRoots = (text: string) => [...text.matchAll(/<View\b[^>]*className='page(?: [^']*)?'[^>]*>/g)].map((m) => m[0]);

it.each(tsx.filter((f) => pageRoots(read(f)).length > 0))('%s: each page root sets the text scale (style={pageTextStyle()})', (file) => {
  expect(pageRoots(read(file)).filter((tag) => !tag.includes('style={pageTextStyle()}'))).toEqual([]);
});

// ---- icon-only controls -------------------------------------------------------------------------

const TAPPABLE = /^(onClick|onTap|openType)$/;
const LABELS = new Set(['ariaLabel', 'aria-label']);
/** Tags whose own text is what they show (anything else, e.g. <DeadlineSummary>, brings words of its own). */
const PLAIN = new Set(['View', 'Text', 'Button', 'Label']);

interface Control {
  line: number;
  tag: string;
  labelled: boolean;
  /** What it shows, when that is known from the source (literal text); undefined = a value. */
  shown: string | undefined;
}

/** The literal text an expression can show (each branch of ?: and &&), or undefined for a value. */
function literal(e: ts.Expression): string | undefined {
  if (ts.isParenthesizedExpression(e)) return literal(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isConditionalExpression(e)) {
    const [a, b] = [literal(e.whenTrue), literal(e.whenFalse)];
    return a === undefined || b === undefined ? undefined : `${a}${b}`;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return literal(e.right);
  return undefined;
}

function shownBy(children: ts.NodeArray<ts.JsxChild>): string | undefined {
  let text = '';
  for (const c of children) {
    if (ts.isJsxText(c)) text += c.text.trim();
    else if (ts.isJsxExpression(c)) {
      if (!c.expression) continue; // a comment
      const s = literal(c.expression);
      if (s === undefined) return undefined;
      text += s;
    } else if (ts.isJsxElement(c)) {
      if (!PLAIN.has(c.openingElement.tagName.getText())) return undefined;
      const s = shownBy(c.children);
      if (s === undefined) return undefined;
      text += s;
    } else return undefined;
  }
  return text;
}

/** Every tappable element of a TSX source: what it shows and whether it has a label. */
export function controlsIn(source: string): Control[] {
  const file = ts.createSourceFile('x.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Control[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) {
      const open = ts.isJsxElement(node) ? node.openingElement : node;
      const names = open.attributes.properties.filter(ts.isJsxAttribute).map((a) => a.name.getText());
      if (names.some((n) => TAPPABLE.test(n))) {
        out.push({
          line: file.getLineAndCharacterOfPosition(open.getStart()).line + 1,
          tag: open.tagName.getText(),
          labelled: names.some((n) => LABELS.has(n)),
          // A self-closing component (<Chip label=…/>) shows what its props say; a plain one, nothing
          // but what its style draws (an icon).
          shown: ts.isJsxElement(node) ? shownBy(node.children) : PLAIN.has(open.tagName.getText()) ? '' : undefined,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Shows only signs (×, ＋, →, ▲): nothing a screen reader could read out as what the control does. */
const iconOnly = (c: Control) => c.shown !== undefined && !/[\p{L}\p{N}]/u.test(c.shown);

it.each([
  ['a close button showing ×', `<View onClick={close}>×</View>`, true],
  ['a stepper’s ＋ inside a Text', `<Button onClick={add}><Text>＋</Text></Button>`, true],
  ['an arrow chosen by state', `<View onClick={t}>{open ? '▲' : '▼'}</View>`, true],
  ['a button with words', `<Button onClick={go}>开始测算 →</Button>`, false],
  ['a button showing a value', `<Button onClick={go}>{label}</Button>`, false],
  ['an empty view (an icon drawn by its style)', `<View className='x__close' onClick={close} />`, true],
  ['a component that shows its own label', `<Chip label='园区' onClick={pick} />`, false],
])('the scan counts %s as icon-only: %s → %s', (_name, source, expected) => {
  const [control] = controlsIn(source);
  expect(iconOnly(control)).toBe(expected);
});

it.each([
  ['labelled with ariaLabel', `<View ariaLabel='关闭' onClick={close}>×</View>`],
  ['labelled with aria-label', `<Button aria-label='添加一项' onClick={add}>＋</Button>`],
])('the scan sees a control %s', (_name, source) => {
  expect(controlsIn(source)[0].labelled).toBe(true);
});

it.each(tsx)('%s: every icon-only control has an aria-label', (file) => {
  const unlabelled = controlsIn(read(file))
    .filter((c) => iconOnly(c) && !c.labelled)
    .map((c) => `${file}:${c.line} <${c.tag}> ${c.shown}`);
  expect(unlabelled).toEqual([]);
});
