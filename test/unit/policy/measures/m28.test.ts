/**
 * （二十八）…分盟市设置新上项目能耗强度标杆值，合理保障低能耗强度优质项目用能需求。…
 * (energy quota: non-monetary, amount 0)
 */
import { enterprise, item, park, wan } from '../helpers';

const ID = 'm28.energy-quota';

describe('（二十八）用能保障', () => {
  it('an enterprise is shown the energy quota as non-monetary support with no amount', () => {
    const r = item(enterprise(), ID);
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('nonMonetary');
    expect(r.amount).toEqual({ min: wan(0), max: wan(0) });
  });

  it('an industrial park is not the audience', () => {
    const r = item(park(), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
