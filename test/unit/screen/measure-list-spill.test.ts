/**
 * 按措施名单's lines read back from the files they waited in (measure-list.ts; issue 24, item 3):
 * 3 000 rows' lines — names of many lengths in Chinese, so that the 64 KB pieces of a file end
 * inside a line and inside a character — come back whole, in the list's order (measures in catalog
 * order, in each the rows that can claim, then those that might, in file order), a batch per piece
 * read: one wait per some hundred lines, not one per line (it was a wait per line), and never more
 * lines at once than a piece holds.
 */
import { join } from 'path';
import { catalog2022 } from '../../../shared/policy/engine';
import { MeasureList, type ListLine } from '../../../shared/policy/screening/measure-list';
import type { ListedItem } from '../../../shared/policy/screening/row-result';
import { tempDir } from './support';

const ROWS = 3000;
const [first, second] = catalog2022.measures;
/** Each row: one item of （一） it can claim, and (every third row) one of （二） it might. */
function listed(row: number): ListedItem[] {
  const claim: ListedItem = { item: first.items[row % first.items.length].id, amount: `${row}万元（精确）` };
  const might: ListedItem = { item: second.items[0].id, might: true, amount: '0–500万元（待确认）', confirm: `若已投产：${row}万元` };
  return row % 3 === 0 ? [claim, might] : [claim];
}
const nameOf = (row: number) => `包头${'稀土新材料'.repeat(row % 17)}有限公司${row}`;

/** The lines as a sheet shows them, in the list's order. */
const plain = (l: ListLine) => [l.measure.label, l.item.id, l.row, l.name, l.might, l.amount, l.confirm ?? null];
const expected = [
  ...Array.from({ length: ROWS }, (_, i) => i + 3).map((row) => [first.label, listed(row)[0].item, row, nameOf(row), false, `${row}万元（精确）`, null]),
  ...Array.from({ length: ROWS }, (_, i) => i + 3)
    .filter((row) => row % 3 === 0)
    .map((row) => [second.label, second.items[0].id, row, nameOf(row), true, '0–500万元（待确认）', `若已投产：${row}万元`]),
];

describe('按措施名单: lines read back in batches', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const batches: ListLine[][] = [];

  beforeAll(async () => {
    const list = new MeasureList(join(tmp.dir), catalog2022);
    for (let i = 0; i < ROWS; i++) list.add(i + 3, nameOf(i + 3), undefined, listed(i + 3));
    for await (const batch of list.lines()) batches.push(batch);
  });

  it.each([
    ['every line comes back whole, in the list’s order', () => expect(batches.flat().map(plain)).toEqual(expected)],
    ['a batch holds some hundred lines: far fewer waits than lines', () => expect(batches.length).toBeLessThan(expected.length / 100)],
    ['no batch holds more lines than a 64 KB piece can (memory does not grow with the rows)', () => expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual((64 * 1024) / 60)],
  ])('%s', (_, check) => check());
});
