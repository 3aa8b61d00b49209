/**
 * shared/policy/engine/paths.ts: the one place that spells profile paths and DOM ids. Every fact of the
 * catalog has a path that reads back to it, the ids are the ones the pages and the suites select
 * by, and no other file of the engine or the pages builds or parses a path or an id itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalog2022, FACTS_PREFIX, REGION_PATH, domId, entryListId, entryPath, entryPrefix, factPath, idSafe, isCommonFact, pathFact, readPath, regionKey, stepOfPath } from '../../../shared/policy/engine';

describe('profile paths', () => {
  it('spells common facts, measure facts and entry facts', () => {
    expect(factPath('entity')).toBe('entity');
    expect(factPath('sme')).toBe('sme');
    expect(factPath('region.poverty')).toBe('region/poverty');
    expect(factPath('m01.techCenter')).toBe(`${FACTS_PREFIX}m01.techCenter`);
    expect(FACTS_PREFIX).toBe('facts/');
    expect(entryPrefix('m08.upgrade', 0)).toBe('projects/m08.upgrade/0/');
    expect(entryPath('m08.upgrade', 2, 'investment')).toBe('projects/m08.upgrade/2/investment');
    expect(`${REGION_PATH}/poverty`).toBe(factPath('region.poverty'));
  });

  it('knows the common facts and the region keys', () => {
    expect(regionKey('region.oldRevolutionary')).toBe('oldRevolutionary');
    expect(regionKey('sme')).toBeUndefined();
    expect(regionKey('m01.techCenter')).toBeUndefined();
    for (const id of ['entity', 'sme', 'region.poverty', 'region.oldRevolutionary']) expect(isCommonFact(id)).toBe(true);
    for (const id of ['m01.techCenter', 'investment', 'regionX']) expect(isCommonFact(id)).toBe(false);
  });

  it('reads every path of the catalog back to its fact', () => {
    for (const f of catalog2022.facts) {
      expect(readPath(factPath(f.id))).toEqual({ factId: f.id });
      expect(pathFact(factPath(f.id), catalog2022)?.def).toBe(f);
    }
    for (const p of ['', 'region', 'facts', 'projects/m08.upgrade', 'projects/m08.upgrade/x/investment', 'topics', 'version']) expect(readPath(p)).toBeUndefined();
  });

  it.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s: the paths of its facts and of its entries’ facts read back to them', (_id, m) => {
    for (const f of m.facts) expect(pathFact(factPath(f.id), catalog2022)?.def).toBe(f);
    for (const item of m.items) {
      for (const f of item.repeat?.facts ?? []) {
        const p = entryPath(item.id, 1, f.id);
        expect(readPath(p)).toEqual({ factId: f.id, itemId: item.id, index: 1 });
        expect(pathFact(p, catalog2022)).toEqual({ def: f, item, index: 1 });
      }
    }
  });

  it('says which questionnaire step asks a path', () => {
    for (const p of ['entity', 'sme', 'region', 'region/poverty', 'region/countyCode']) expect(stepOfPath(p)).toBe('who');
    for (const p of ['facts/m13.level', 'facts', 'projects/m08.upgrade', 'projects/m08.upgrade/0/investment']) expect(stepOfPath(p)).toBe('questions');
    for (const p of ['', 'topics', 'version']) expect(stepOfPath(p)).toBeUndefined();
  });
});

describe('DOM ids (the pages, the component, e2e and weapp suites select by these exact strings)', () => {
  it('makes text id-safe', () => {
    expect(idSafe('m08.upgrade')).toBe('m08-upgrade');
    expect(idSafe('projects/m08.upgrade/0/investment')).toBe('projects-m08-upgrade-0-investment');
    expect(idSafe('a_b-C9')).toBe('a_b-C9');
  });

  it('names questions, the place question and entry lists per page', () => {
    expect(domId('projects/m08.upgrade/0/investment')).toBe('q-projects-m08-upgrade-0-investment');
    expect(domId('region/poverty', 'calc')).toBe('calc-region-poverty');
    expect(domId(REGION_PATH)).toBe('q-region');
    expect(domId('entity', 'calc')).toBe('calc-entity');
    expect(entryListId('m08.upgrade')).toBe('entries-m08-upgrade');
    expect(entryListId('m08.upgrade', 'q')).toBe('entries-m08-upgrade');
    expect(entryListId('m18.water-saving', 'calc')).toBe('calc-entries-m18-water-saving');
  });
});

// ---------------------------------------------------------------------------------------------
// Nobody else spells them.

const ROOT = path.resolve(__dirname, '../../..');

/** What building or parsing a path or a DOM id by hand looks like (in code, not comments). */
const BY_HAND: { what: string; re: RegExp }[] = [
  { what: 'the region fact prefix', re: /['"`]region\.['"`]/ },
  { what: 'a region path', re: /['"`]region\/(\$\{|['"`])/ },
  { what: 'the facts/ prefix', re: /['"`]facts\/(\$\{|['"`])/ },
  { what: 'an entry path', re: /['"`]projects\/(\$\{|['"`])/ },
  { what: 'an id-safe replace', re: /\[\^A-Za-z0-9_-\]/ },
  { what: 'a question id', re: /id=['"](q|calc)-/ },
  { what: 'an entry list id', re: /['"`](calc-)?entries['"`-]/ },
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Code lines, comments blanked: block comments and whole-line `//` comments. */
function codeLines(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((l) => (/^\s*\/\//.test(l) ? '' : l));
}

test('no file but paths.ts builds or parses a profile path or a question’s DOM id', () => {
  const hits: string[] = [];
  for (const file of [...files(path.join(ROOT, 'src')), ...files(path.join(ROOT, 'shared/policy'))]) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    if (rel === 'shared/policy/engine/paths.ts') continue;
    codeLines(readFileSync(file, 'utf8')).forEach((line, n) => {
      for (const { what, re } of BY_HAND) if (re.test(line)) hits.push(`${rel}:${n + 1} (${what}): ${line.trim()}`);
    });
  }
  expect(hits).toEqual([]);
});
