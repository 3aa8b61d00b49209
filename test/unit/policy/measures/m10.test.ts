/**
 * （十）强化基金支持。…以市场化方式重点支持先进制造业集群和产业链重大项目。…设立 5亿元中小企业发展基金…设立
 * 新能源装备制造产业基金 100亿元… — funds invested on market terms: no amount for the user (non-monetary).
 */
import { evaluate } from '../../../../shared/policy/engine';
import { enterprise, item, park, wan } from '../helpers';

const ID = 'm10.funds';

describe('（十）基金支持', () => {
  it('an enterprise is shown the funds as non-monetary support with no amount', () => {
    const r = item(enterprise(), ID);
    expect(r.status).toBe('eligible');
    expect(r.itemKind).toBe('nonMonetary');
    expect(r.kind).toBe('nonMonetary');
    expect(r.amount).toEqual({ min: wan(0), max: wan(0) });
  });

  it('the fund sizes (5亿元, 100亿元) never enter the total', () => {
    expect(evaluate(enterprise()).total).toEqual({ min: wan(0), max: wan(0) });
  });

  it('an industrial park is not the audience', () => {
    const r = item(park(), ID);
    expect(r.status).toBe('notForYou');
    expect(r.reasonCode).toBe('audience');
  });
});
