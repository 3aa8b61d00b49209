/**
 * （二十三）自治区安排专项债券资金，支持新能源汽车充电站（充电桩）、燃料电池加氢站建设。
 * (bonds: non-monetary, amount 0; builders may be enterprises or parks)
 */
import { item, park, enterprise, wan } from '../helpers';

const ID = 'm23.charging-bonds';

describe('（二十三）充电站（桩）、加氢站专项债券', () => {
  it.each([
    ['an enterprise', enterprise()],
    ['an industrial park', park()],
  ])('%s is shown the bonds as non-monetary support with no amount', (_who, profile) => {
    const r = item(profile, ID);
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('nonMonetary');
    expect(r.amount).toEqual({ min: wan(0), max: wan(0) });
  });
});
