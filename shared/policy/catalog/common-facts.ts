/** Facts shared by many measures; the profile keeps them at top level (entity, sme, region). */
import type { FactDef } from '../types';
import { choice, flag } from './fact-helpers';

export const COMMON_FACTS: FactDef[] = [
  choice('entity', '您是企业还是工业园区？', [
    { value: 'enterprise', label: '企业' },
    { value: 'park', label: '工业园区' },
  ]),
  flag('sme', '是否为中小企业？'),
  flag(
    'region.poverty',
    '项目所在旗县区是否属于脱贫地区？',
    '脱贫地区的技术改造项目投资门槛由 2000万元降为 1000万元（第（八）条）',
  ),
  flag('region.oldRevolutionary', '项目所在旗县区是否属于革命老区？', '革命老区同样适用 1000万元的投资门槛（第（八）条）'),
];

/** Labels of the questionnaire topics. */
export const TOPICS: { id: import('../types').TopicId; label: string }[] = [
  { id: 'platforms', label: '创新平台与资质认定' },
  { id: 'standards', label: '标准制定' },
  { id: 'investment', label: '投资与技术改造' },
  { id: 'digital', label: '数字化、工业互联网、上云与软件' },
  { id: 'resources', label: '节能、节水与固废利用' },
  { id: 'green', label: '绿色制造' },
  { id: 'pharma', label: '医药（仿制药一致性评价）' },
  { id: 'craftsmen', label: '工匠人才' },
  { id: 'landFees', label: '土地、电价、能耗与收费' },
  { id: 'park', label: '园区建设与考核' },
];
