/**
 * （二十五）…统筹推进新能源开发与新能源装备制造业发展，优先支持新能源开发与新能源装备制造一体化建设。…
 * (resource allocation: non-monetary, amount 0)
 */
import { enterprise, item, park, wan } from '../helpers';

const ID = 'm25.resource-allocation';

describe('（二十五）资源配置优先支持', () => {
  it('an enterprise is shown the priority as non-monetary support with no amount', () => {
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
