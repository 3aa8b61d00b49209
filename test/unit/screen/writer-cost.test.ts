/**
 * What writing result.xlsx costs per row, counted (issue 24, item 3; timings live in npm run bench):
 * exceljs finds a cell's or a row's style by the style object when it has seen that object, and
 * otherwise works it out from its contents — an XML text built and looked up, which took some 6 %
 * of `npm run screen` when every row and every empty cell brought a new empty object. Written with
 * 1, 40 and 400 screened lines (the personas' in turn, each line's 按措施名单 lines with it), the
 * workbook works a style out from its contents as often as with one line: for the header rows
 * only.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { catalog2022, evaluate } from '../../../shared/policy/engine';
import { MeasureTotals, ResultWriter, rowSummary, type ScreenedLine } from '../../../shared/policy/screening';
import { personaProfiles, tempDir } from './support';

// exceljs's style table (not part of its typed interface): _addStyle is where a style is worked out from its contents.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as { prototype: { _addStyle: (style: unknown) => number } };

const personas = personaProfiles().map(([name, profile]) => ({ name, entity: profile.entity, summary: rowSummary(evaluate(profile, catalog2022, { explain: false })) }));

/** Styles worked out from their contents while `lines` screened lines are written. */
async function stylesByContents(lines: number, dir: string): Promise<number> {
  const spy = jest.spyOn(StylesXform.prototype, '_addStyle');
  try {
    // 按措施名单's lines wait in a folder of their own.
    const listDir = join(dir, `list-${lines}`);
    mkdirSync(listDir);
    const writer = new ResultWriter(join(dir, `result-${lines}.xlsx`), listDir);
    for (let i = 0; i < lines; i++) {
      const p = personas[i % personas.length];
      writer.addLine({ ...p, row: i + 3, name: `${p.name}${i}` } satisfies ScreenedLine);
    }
    await writer.finish(new MeasureTotals(catalog2022), [{ row: 2, name: '拒绝', messages: ['原因'] }]);
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('result.xlsx: styles found by their object, not worked out per row', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const counts = new Map<number, number>();

  beforeAll(async () => {
    for (const lines of [1, 40, 400]) counts.set(lines, await stylesByContents(lines, tmp.dir));
  }, 60000);

  it.each([40, 400])('%i lines: as many styles worked out from their contents as for one line', (lines) => {
    expect(counts.get(lines)).toBe(counts.get(1));
  });
});
