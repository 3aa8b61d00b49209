/**
 * （二十二）自治区安排专项债券资金，支持工业园区污水、渣场、供热、管网、标准厂房等基础设施项目建设。
 * (bonds for parks: non-monetary for the user, amount 0)
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan } from '../helpers';

const ID = 'm22.park-infrastructure-bonds';

describe('（二十二）园区基础设施专项债券', () => {
  it('an industrial park is shown the bonds as non-monetary support with no amount', () => {
    const r = item(park(), ID);
    expect(r.status).toBe('eligible');
    expect(r.itemKind).toBe('nonMonetary');
    expect(r.kind).toBe('nonMonetary');
    expect(r.amount).toEqual({ min: wan(0), max: wan(0) });
    expect(evaluate(park()).total).toEqual({ min: wan(0), max: wan(0) });
  });

  it('an enterprise is not the audience', () => {
    const r = item(enterprise(), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
