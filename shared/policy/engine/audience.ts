/**
 * Who a measure or item is for, and who is paid: the one reading of a record's `audience` (the
 * clause's addressee: 对…企业 / 对…园区 / 对“大国工匠”…). The engine, the questions, browsing, the
 * calculator and the result pages all ask here.
 * isFor and entitiesFor read it as an Entity, addresseeOf names the addressee, audienceText says it in
 * words, paidToPerson marks awards paid to people.
 */
import { entityName } from './catalog/common-facts';
import type { Audience, Profile } from './types';

export type Entity = Profile['entity'];

/** An enterprise answers for its projects and for its own people (（七）: 工匠 are counted by their employer). */
const FOR_ENTERPRISE: readonly Audience[] = ['enterprise', 'project', 'person'];

/** Does an enterprise (or a park) answer for this audience? Parks get park items, enterprises the rest. */
export function isFor(audience: readonly Audience[], entity: Entity): boolean {
  return entity === 'park' ? audience.includes('park') : audience.some((a) => FOR_ENTERPRISE.includes(a));
}

/** Who may answer for a measure, the first being the usual one (the calculator's 企业 / 工业园区 choice). */
export function entitiesFor(audience: readonly Audience[]): Entity[] {
  const out: Entity[] = [];
  if (isFor(audience, 'enterprise')) out.push('enterprise');
  if (isFor(audience, 'park')) out.push('park');
  return out;
}

/**
 * Awards paid to people, not the enterprise: （七）“奖励对象是工匠本人”. They are shown on their own
 * line and never added to what the enterprise can claim.
 */
export function paidToPerson(audience: readonly Audience[]): boolean {
  return audience.includes('person');
}

/** The awardee of an award paid to people, as （七） says: 奖励对象是工匠本人. */
export const PERSON_TEXT = '工匠本人';

/** Whom an item is addressed to when it is not for the one asking ('此项面向工业园区'): a park item, or an enterprise's. */
export function addresseeOf(audience: readonly Audience[]): Entity {
  return audience.includes('park') ? 'park' : 'enterprise';
}

/**
 * Whom a record is for, in words ('企业（按项目申报）', '工业园区', '企业（按项目申报）、工业园区'):
 * the entity question's own words for 企业 and 工业园区. An award paid to people is for them alone —
 * （七）“奖励对象是工匠本人” reads '工匠本人'; the enterprise only counts its craftsmen (FOR_ENTERPRISE).
 */
export function audienceText(audience: readonly Audience[]): string {
  if (paidToPerson(audience)) return PERSON_TEXT;
  const parts: string[] = [];
  for (const a of audience) {
    if (a === 'enterprise') parts.push(audience.includes('project') ? `${entityName('enterprise')}（按项目申报）` : entityName('enterprise'));
    if (a === 'park') parts.push(entityName('park'));
    if (a === 'project' && !audience.includes('enterprise')) parts.push('项目');
  }
  return parts.join('、');
}
