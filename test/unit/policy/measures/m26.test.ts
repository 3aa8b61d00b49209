/**
 * （二十六）…实施公共领域车辆电动化替代，城市新增和更新的公交车辆全部使用新能源汽车，环卫车辆比例不低于 10%，
 * 快递物流配送车辆、党政机关及公务机构车辆、出租车、网约车比例不低于 30%。
 * (market demand, not a payment: the 10% / 30% are vehicle shares, never money.) It concerns makers
 * of new-energy vehicles and their parts; a dairy firm is not told of it (issue 22, item 8).
 */
import { evaluate, type Profile } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan } from '../helpers';

const ID = 'm26.public-vehicle-electrification';
const maker = (answer: boolean | undefined): Profile => enterprise(answer === undefined ? {} : { facts: { 'm26.vehicleMaker': answer } });

describe('（二十六）市场推广', () => {
  it('a maker of new-energy vehicles or their parts is shown the market demand as non-monetary support with no amount', () => {
    const r = item(maker(true), ID);
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('nonMonetary');
    expect(r.amount).toEqual({ min: wan(0), max: wan(0) });
    expect(evaluate(maker(true)).total).toEqual({ min: wan(0), max: wan(0) });
  });

  it.each([
    ['that makes no such vehicles or parts (a dairy firm)', false, 'ineligible'],
    ['that says nothing about it', undefined, 'notForYou'],
  ])('an enterprise %s is not shown it', (_case, answer, status) => {
    expect(item(maker(answer), ID).status).toBe(status);
  });

  it('an industrial park is not the audience', () => {
    const r = item(park(), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
