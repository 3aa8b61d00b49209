/**
 * 适用事项 (issue 22, item 5): a deadline batch names the items of its measure it is for, or the
 * whole measure. Validated with the other fields (Chinese messages naming 「适用事项」, items
 * checked against the measure in the catalog), read from the import (CSV column 适用事项 / itemIds,
 * JSON key itemIds), stored by the deadlines function, and read by one rule (deadlinesForItem).
 */
import type { DeadlinesRequest, DeadlinesResponse, Envelope } from '../../../shared/cloud/api';
import type { DocumentStore } from '../../../shared/cloud/context';
import { parseImport, readItemIds, validateDeadline } from '../../../shared/cloud/deadline-input';
import { appliesToItem, deadlinesForItem } from '../../../shared/cloud/deadline-items';
import { runHandler } from '../../../shared/cloud/handler';
import { deadlines } from '../../../shared/cloud/handlers/deadlines';
import { repos } from '../../../shared/cloud/repos';
import { BACKENDS, useStoreWithAdmins } from './backends';
import { CJK, fakeContext } from './fakes';

const NOW = new Date('2022-06-23T01:00:00.000Z');
const M08 = { measureId: 'm08', batchTitle: '2022 年度智能工厂和数字化车间申报', opensOn: '2022-06-01', closesOn: '2022-07-20', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/8' };
const HEADER = '措施编号,批次名称,开始日期,截止日期,发布机关,来源链接';

describe('validateDeadline reads 适用事项', () => {
  it.each([
    ['a full item id', 'm08.smart-factory', ['m08.smart-factory']],
    ['a short item id', 'smart-factory', ['m08.smart-factory']],
    ['an item title as the catalog writes it', '智能工厂、数字化车间项目补助', ['m08.smart-factory']],
    ['two items, in any order, kept in catalog order', 'robots；upgrade', ['m08.upgrade', 'm08.robots']],
    ['a JSON array', ['m08.robots', 'm08.smart-factory'], ['m08.smart-factory', 'm08.robots']],
    ['the same item twice', 'robots, m08.robots', ['m08.robots']],
  ])('%s → those items', (_what, itemIds, expected) => {
    const v = validateDeadline({ ...M08, itemIds });
    expect(v.ok && v.value.itemIds).toEqual(expected);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['整项措施', '整项措施'],
    ['an empty array', []],
    ['every item of the measure', 'upgrade,smart-factory,robots'],
  ])('%s → the whole measure (no itemIds)', (_what, itemIds) => {
    const v = validateDeadline({ ...M08, ...(itemIds === undefined ? {} : { itemIds }) });
    expect(v.ok && 'itemIds' in v.value).toBe(false);
  });

  it.each([
    ['an item of another measure', 'm01.tech-center', '“m01.tech-center”不是（八）引导企业增加技术改造投入的事项'],
    ['an unknown item', 'painting', '“painting”不是（八）引导企业增加技术改造投入的事项'],
    ['a number', 3, '应为事项编号或事项名称'],
    ['an array holding a number', ['m08.robots', 2], '应为事项编号或事项名称'],
  ])('%s → a Chinese message naming 「适用事项」', (_what, itemIds, words) => {
    const v = validateDeadline({ ...M08, itemIds });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues).toEqual([{ field: 'deadline.itemIds', message: expect.stringContaining('「适用事项」') }]);
    expect(v.issues[0].message).toContain(words);
    expect(v.issues[0].message).toMatch(CJK);
  });

  it('lists what may be written when an item is not the measure’s', () => {
    const r = readItemIds('m07.great-craftsman', 'm08');
    expect(!r.ok && r.message).toBe(
      '“m07.great-craftsman”不是（八）引导企业增加技术改造投入的事项（可填：m08.upgrade（技术改造项目补助）、m08.smart-factory（智能工厂、数字化车间项目补助）、m08.robots（“机器换人”工业机器人购置补助），或「整项措施」）',
    );
  });
});

describe('the import reads 适用事项', () => {
  it.each([
    ['CSV with the Chinese header', `${HEADER},适用事项\nm08,智能工厂批次,2022-06-01,2022-07-20,厅,https://a.cn/1,smart-factory\nm08,技改批次,2022-06-01,2022-06-30,厅,https://a.cn/2,`, 'csv', [['m08.smart-factory'], undefined]],
    ['CSV headed by the key', 'measureId,batchTitle,opensOn,closesOn,issuer,sourceUrl,itemIds\nm08,机器人批次,2022-06-01,2022-07-20,厅,https://a.cn/1,"upgrade,robots"', 'csv', [['m08.upgrade', 'm08.robots']]],
    ['CSV without the column (every row for the whole measure)', `${HEADER}\nm08,技改批次,2022-06-01,2022-06-30,厅,https://a.cn/2`, 'csv', [undefined]],
    ['JSON', JSON.stringify([{ ...M08, itemIds: ['m08.smart-factory'] }, { ...M08, batchTitle: '另一批' }]), 'json', [['m08.smart-factory'], undefined]],
  ] as const)('%s', (_what, text, format, expected) => {
    const r = parseImport(format, text);
    expect(r.ok && r.rows.map((x) => x.value.itemIds)).toEqual(expected);
  });

  it('a row naming an item of another measure is refused with its field', () => {
    const r = parseImport('csv', `${HEADER},适用事项\nm08,智能工厂批次,2022-06-01,2022-07-20,厅,https://a.cn/1,m01.tech-center`);
    expect(!r.ok && r.issues.map((i) => i.field)).toEqual([expect.stringMatching(/\.itemIds$/)]);
    expect(!r.ok && r.issues[0].message).toContain('「适用事项」“m01.tech-center”不是（八）');
  });
});

describe('deadlinesForItem: a batch shows only under the items it names', () => {
  const whole = { id: 'a', measureId: 'm08' };
  const smart = { id: 'b', measureId: 'm08', itemIds: ['m08.smart-factory'] };
  const other = { id: 'c', measureId: 'm01' };
  it.each([
    ['m08.upgrade', ['a']],
    ['m08.smart-factory', ['a', 'b']],
    ['m08.robots', ['a']],
  ])('under %s', (itemId, ids) => {
    expect(deadlinesForItem([whole, smart, other], 'm08', itemId).map((d) => d.id)).toEqual(ids);
  });
  it('a whole-measure batch is not under another measure’s item', () => {
    expect(appliesToItem(whole, 'm01.tech-center')).toBe(false);
  });
});

describe.each(BACKENDS)('the deadlines function on %s', (_name, make) => {
  let db: DocumentStore;
  useStoreWithAdmins(make, NOW, (store) => (db = store));
  const data = async (request: DeadlinesRequest) => {
    const env = (await runHandler('deadlines', deadlines, request, fakeContext({ openid: 'o-admin', db, now: () => NOW }))) as Envelope<DeadlinesResponse>;
    if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
    return env.data;
  };

  it('stores the items, names them, and an edit back to 整项措施 clears them', async () => {
    const created = await data({ action: 'create', deadline: { ...M08, itemIds: ['smart-factory'] } });
    if (created.action !== 'create') throw new Error('not create');
    expect([created.deadline.itemIds, created.deadline.itemTitles]).toEqual([['m08.smart-factory'], ['智能工厂、数字化车间项目补助']]);
    const listed = await data({ action: 'list', measureId: 'm08' });
    expect(listed.action === 'list' && listed.deadlines.map((d) => d.itemIds)).toEqual([['m08.smart-factory']]);
    const updated = await data({ action: 'update', id: created.deadline.id, deadline: { ...M08, itemIds: [] } });
    expect(updated.action === 'update' && [updated.deadline.itemIds, updated.deadline.itemTitles]).toEqual([[], []]);
    expect((await repos(db).deadlines.get(created.deadline.id))?.itemIds).toEqual([]);
  });

  it('an import that changes only the items updates the batch (not 未变)', async () => {
    await data({ action: 'import', format: 'json', text: JSON.stringify([M08]) });
    const again = await data({ action: 'import', format: 'json', text: JSON.stringify([{ ...M08, itemIds: 'smart-factory' }]) });
    expect(again.action === 'import' && [again.outcomes, again.deadlines.map((d) => d.itemIds)]).toEqual([['updated'], [['m08.smart-factory']]]);
    const same = await data({ action: 'import', format: 'json', text: JSON.stringify([{ ...M08, itemIds: ['m08.smart-factory'] }]) });
    expect(same.action === 'import' && same.outcomes).toEqual(['unchanged']);
  });

  it.each([
    ['m08', 'm08', 3],
    ['（八）', 'm08', 3],
    ['m99', null, 0],
  ])('items of %s for the editor’s picker', async (asked, id, count) => {
    const r = await data({ action: 'items', measureId: asked });
    expect(r.action === 'items' && [r.measureId, r.items.length]).toEqual([id, count]);
  });
});
