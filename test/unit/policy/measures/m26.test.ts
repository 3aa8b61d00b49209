/**
 * （二十六）…实施公共领域车辆电动化替代，城市新增和更新的公交车辆全部使用新能源汽车，环卫车辆比例不低于 10%，
 * 快递物流配送车辆、党政机关及公务机构车辆、出租车、网约车比例不低于 30%。
 * (market demand, not a payment: the 10% / 30% are vehicle shares, never money)
 */
import { evaluate } from '../../../../shared/policy';
import { enterprise, item, park, wan } from '../helpers';

const ID = 'm26.public-vehicle-electrification';

describe('（二十六）市场推广', () => {
  it('an enterprise is shown the market demand as non-monetary support with no amount', () => {
    const r = item(enterprise(), ID);
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('nonMonetary');
    expect(r.amount).toEqual({ min: wan(0), max: wan(0) });
    expect(evaluate(enterprise()).total).toEqual({ min: wan(0), max: wan(0) });
  });

  it('an industrial park is not the audience', () => {
    const r = item(park(), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
