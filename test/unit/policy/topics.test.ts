/** Support that asks no question (funds, bonds, land…) follows the topics the user chose. */
import { evaluate, type TopicId } from '../../../shared/policy/engine';
import { enterprise } from './helpers';

const guidance = (topics?: TopicId[]) =>
  evaluate(enterprise(topics ? { topics } : {}))
    .items.filter((i) => i.amountKind === 'nonMonetary' && i.status === 'eligible')
    .map((i) => i.id);

describe('non-monetary support without questions', () => {
  it('is listed for everyone when no topics were chosen (the CLI, a hand-written profile)', () => {
    // Not （二十三）（二十六）: they concern charging-station builders and vehicle makers, and ask (issue 22, item 8).
    expect(guidance()).toEqual([
      'm10.funds',
      'm24.flexible-land-supply',
      'm24.plot-ratio',
      'm25.resource-allocation',
      'm28.energy-quota',
    ]);
  });

  it('is listed only within the chosen topics', () => {
    // （二十四）（二十八） are 土地、电价、能耗与收费; （十）（二十五） are 投资与技术改造
    expect(guidance(['landFees'])).toEqual(['m24.flexible-land-supply', 'm24.plot-ratio', 'm28.energy-quota']);
    expect(guidance(['standards'])).toEqual([]);
  });

  it('is always listed for a park (its questionnaire has the one topic 园区建设与考核)', () => {
    const ids = evaluate({ version: 1, entity: 'park', topics: ['park'] })
      .items.filter((i) => i.amountKind === 'nonMonetary' && i.status === 'eligible')
      .map((i) => i.id);
    expect(ids).toEqual(['m22.park-infrastructure-bonds', 'm23.charging-bonds']);
  });

  it('says why it is left out', () => {
    const r = evaluate(enterprise({ topics: ['standards'] })).items.find((i) => i.id === 'm10.funds')!;
    expect([r.status, r.reasonCode, r.reason]).toEqual(['notForYou', 'unanswered', '未选择此主题']);
  });
});
