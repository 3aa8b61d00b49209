/**
 * No policy figure in a page or a component: every amount, tonnage or rate the user reads comes from
 * the catalog (shared/policy), where it sits next to the clause that states it. This reads every
 * file under src/ (comments left out: they only document formats) and fails on a digit followed by
 * a money or quantity unit (万元, 元, 亿元, 万, 亿, 吨, 万吨, 吨标准煤) or a percent, naming file:line.
 *
 * The few allowed exceptions are listed below, each with its reason; anything new fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');

/** A figure: digits (ASCII or full-width, with separators) and then a unit, or a percent. */
const FIGURE = /[0-9０-９][0-9０-９,，.．]*\s*(万元|亿元|万吨|吨标准煤|吨|元|万|亿|%|％)/g;

/** file (relative to the repository) → the exact figures allowed there, and why. */
const ALLOWED: Record<string, { figures: string[]; why: string }> = {
  'src/components/search-box/index.tsx': {
    figures: ['500万'],
    why: 'placeholder example of what may be typed into the search box (a figure search), not a claim about any measure',
  },
  'src/pages/policy/browse/index.tsx': {
    figures: ['500万', '2000吨'],
    why: 'the "no results" hint repeats the search box’s examples of queries',
  },
  'src/pages/check/index.tsx': {
    figures: ['3000 万元'],
    why: 'dev-only check page (H5 build only): the label of its sample profile, whose figure the engine then computes',
  },
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

/** The text with comments blanked (line numbers kept): block comments, and line comments outside strings. */
export function withoutComments(text: string, ext: string): string {
  if (ext === '.html') return text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i += 1;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    // `//` starts a comment unless it is part of a url ('https://').
    if (c === '/' && next === '/' && text[i - 1] !== ':') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    out += c;
    i += 1;
  }
  return out;
}

interface Hit {
  where: string;
  figure: string;
  line: string;
}

function figuresIn(file: string): Hit[] {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const ext = path.extname(file);
  const code = withoutComments(readFileSync(file, 'utf8'), ext);
  const hits: Hit[] = [];
  code.split('\n').forEach((line, n) => {
    for (const m of line.matchAll(FIGURE)) {
      // CSS lengths and sizes ('100%', '50%') are not figures of the list.
      if (ext === '.scss' && /%|％/.test(m[1])) continue;
      hits.push({ where: `${rel}:${n + 1}`, figure: m[0], line: line.trim() });
    }
  });
  return hits;
}

test('no page or component under src/ writes a policy figure (amounts, tonnages, rates come from the catalog)', () => {
  const all = files(SRC).flatMap(figuresIn);
  const unexpected = all.filter((h) => !ALLOWED[h.where.replace(/:\d+$/, '')]?.figures.includes(h.figure));
  expect(unexpected.map((h) => `${h.where}  ${h.figure}  —  ${h.line}`)).toEqual([]);
});

test('each allowed exception is still there (a stale one would hide nothing, but says something wrong)', () => {
  const all = files(SRC).flatMap(figuresIn);
  for (const [file, { figures }] of Object.entries(ALLOWED)) {
    for (const figure of figures) expect([file, figure, all.some((h) => h.where.startsWith(`${file}:`) && h.figure === figure)]).toEqual([file, figure, true]);
  }
});

test('the check reads what it should', () => {
  const code = withoutComments("const a = '5万元' // 6万元\n/* 7吨 */ const b = `https://x` + '//'", '.ts');
  expect(code.match(FIGURE)).toEqual(['5万元']);
  expect(code.split('\n')).toHaveLength(2);
  expect(code).toContain("const b = `https://x` + '//'");
  expect('投资 2000万元、20%、3000 吨、１２万'.match(FIGURE)).toEqual(['2000万元', '20%', '3000 吨', '１２万']);
  expect('m08.upgrade 第（八）条 margin: 12px'.match(FIGURE)).toBeNull();
});
