/**
 * （二十）对自治区低碳示范园区、零碳示范园区，根据新增可再生能源消纳对应的能耗量给予一次性奖补。
 * (money is promised but no amount or rate is given: kind 'unquantified', amount 0)
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan } from '../helpers';

const ID = 'm20.low-carbon-park';
const range = (min: number, max = min) => ({ min: wan(min), max: wan(max) });

describe('（二十）低碳零碳示范园区奖补', () => {
  it('a 低碳/零碳示范园区 is eligible, but the list gives no figure', () => {
    const r = item(park({ facts: { 'm20.demoPark': true } }), ID);
    expect(r.status).toBe('eligible');
    expect(r.itemKind).toBe('unquantified');
    expect(r.kind).toBe('unquantified');
    expect(r.amount).toEqual(range(0));
  });

  it('an unquantified award adds nothing to the total', () => {
    expect(evaluate(park({ facts: { 'm20.demoPark': true } })).total).toEqual(range(0));
  });

  it('a park that is not a demonstration park is not eligible', () => {
    const r = item(park({ facts: { 'm20.demoPark': false } }), ID);
    expect(r.status).toBe('ineligible');
    expect(r.reasonCode).toBe('condition');
  });

  it('an unsure answer needs information, naming the fact', () => {
    const r = item(park({ facts: { 'm20.demoPark': 'unknown' } }), ID);
    expect(r.status).toBe('needsInfo');
    expect(r.missing).toEqual(['facts/m20.demoPark']);
    expect(r.alternatives.map((a) => a.status)).toEqual(['eligible', 'ineligible']);
  });

  it('a park that answered nothing is not offered', () => {
    const r = item(park(), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('unanswered');
  });

  it('an enterprise is not the audience', () => {
    const r = item(enterprise({ facts: { 'm20.demoPark': true } }), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
