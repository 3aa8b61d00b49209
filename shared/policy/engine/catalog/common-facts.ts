/**
 * Facts shared by many measures; the profile keeps them at top level (entity, sme, region). Their
 * labels and help are written here only: the questionnaire, the detail page's calculator, the
 * results page and the schema's messages all read them from here.
 *
 * No figure is written twice: the help of the region flags is derived from the thresholds the
 * measures' items lower for those areas (（八）'s `threshold.reduced`), with the clause's words.
 *
 * COMMON_FACTS are those facts (commonFact picks one; PLACE_QUESTION words the place question per
 * entity, entityName names the entity); TOPICS are the questionnaire's topics; REGION_NAME names the
 * region flags, regionFactsOf gives the flags a measure reads and regionEffect what each changes.
 */
import type { ChoiceFact, FactDef, FlagFact, Measure, RegionFlag, TopicId } from '../types';
import { choice, flag } from './fact-helpers';
import { section1 } from './section1';
import { section2 } from './section2';
import { section3 } from './section3';
import { section4 } from './section4';
import { section5 } from './section5';

const MEASURES: Measure[] = [...section1, ...section2, ...section3, ...section4, ...section5];

/** The areas a region flag names, as the list writes them (（八）: 脱贫地区、革命老区). */
export const REGION_NAME: Record<RegionFlag, string> = { poverty: '脱贫地区', oldRevolutionary: '革命老区' };

/**
 * What a region flag changes, from the catalog: '第（八）条技术改造项目补助的门槛由 2000万元 降为
 * 1000万元（条文「脱贫地区、革命老区投资 1000万元及以上」）'. Empty when no item reads it.
 */
export function regionEffect(region: RegionFlag, measures: readonly Measure[] = MEASURES): string {
  const lines: string[] = [];
  for (const m of measures) {
    for (const item of m.items) {
      const t = 'threshold' in item ? item.threshold : undefined;
      if (!t?.reduced?.when.includes(region)) continue;
      lines.push(`第${m.label}条${item.title}的门槛由 ${t.min} 降为 ${t.reduced.min}（条文「${t.reduced.quote}」）`);
    }
  }
  return lines.join('；');
}

/** The measures whose thresholds a region flag lowers ('（八）'), for short hints. */
export function regionMeasureLabels(measures: readonly Measure[] = MEASURES): string[] {
  return measures.filter((m) => m.items.some((i) => 'threshold' in i && i.threshold?.reduced)).map((m) => m.label);
}

const regionHelp = (region: RegionFlag, extra?: string): string =>
  [`在${REGION_NAME[region]}，${regionEffect(region)}。`, extra].filter(Boolean).join('');

export const COMMON_FACTS: FactDef[] = [
  choice('entity', '您是企业还是工业园区？', [
    { value: 'enterprise', label: '企业' },
    { value: 'park', label: '工业园区' },
  ]),
  flag('sme', '是否为中小企业？', '按国家中小企业划型标准；不确定可跳过或选“不确定”。'),
  flag('region.poverty', '项目所在旗县区是否属于脱贫地区？', regionHelp('poverty')),
  flag(
    'region.oldRevolutionary',
    '项目所在旗县区是否属于革命老区？',
    regionHelp('oldRevolutionary', '没有找到官方的革命老区旗县名单，请按当地认定回答；不清楚就选“不确定”。'),
  ),
];

/** A common fact by id ('entity', 'sme', 'region.poverty', 'region.oldRevolutionary'). */
export function commonFact(id: 'entity'): ChoiceFact;
export function commonFact(id: 'sme' | 'region.poverty' | 'region.oldRevolutionary'): FlagFact;
export function commonFact(id: string): FactDef {
  const def = COMMON_FACTS.find((f) => f.id === id);
  if (!def) throw new Error(`no common fact ${id}`);
  return def;
}

/** '企业' / '工业园区': the entity question's own option words. */
export function entityName(entity: 'enterprise' | 'park'): string {
  return commonFact('entity').options.find((o) => o.value === entity)!.label;
}

/** The region flags (脱贫地区, 革命老区) whose answer changes a threshold of this measure. */
export function regionFactsOf(measure: Measure): FlagFact[] {
  const flags = new Set<RegionFlag>();
  for (const item of measure.items) if ('threshold' in item) for (const r of item.threshold?.reduced?.when ?? []) flags.add(r);
  return (['poverty', 'oldRevolutionary'] as const).filter((r) => flags.has(r)).map((r) => commonFact(`region.${r}`));
}

/**
 * Where the questionnaire asks for the place (盟市 → 旗县区, optional). An enterprise's answer hints
 * whether the place is a 脱贫地区, which lowers the thresholds named in the help; a park is asked
 * where the park is, with no such hint (no park item reads the region).
 */
export const PLACE_QUESTION: Record<'enterprise' | 'park', { label: string; help?: string }> = {
  enterprise: {
    label: '项目在哪个旗县区？（选填）',
    help: `用来提示是否属于脱贫地区；第${regionMeasureLabels().join('、第')}条在脱贫地区、革命老区的门槛更低。`,
  },
  park: { label: '园区在哪个旗县区？（选填）' },
};

/** Labels of the questionnaire topics. */
export const TOPICS: { id: TopicId; label: string }[] = [
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
