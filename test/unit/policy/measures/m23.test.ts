/**
 * （二十三）自治区安排专项债券资金，支持新能源汽车充电站（充电桩）、燃料电池加氢站建设。
 * (bonds: non-monetary, amount 0.) A park builds infrastructure and is always told of them; an
 * enterprise only when it says it builds such stations — a dairy firm is not (issue 22, item 8).
 */
import type { Profile } from '../../../../shared/policy/engine';
import { item, park, enterprise, wan } from '../helpers';

const PARK = 'm23.charging-bonds';
const PROJECT = 'm23.charging-project-bonds';
const builds = (answer: boolean | 'unknown' | undefined): Profile =>
  enterprise(answer === undefined ? { topics: ['investment'] } : { topics: ['investment'], facts: { 'm23.charging': answer } });

describe('（二十三）充电站（桩）、加氢站专项债券', () => {
  it('an industrial park is shown the bonds as non-monetary support with no amount', () => {
    const r = item(park(), PARK);
    expect(r.status).toBe('eligible');
    expect(r.kind).toBe('nonMonetary');
    expect(r.amount).toEqual({ min: wan(0), max: wan(0) });
  });

  it.each([
    ['builds charging or hydrogen stations: shown', builds(true), 'eligible', undefined],
    ['does not build them (a dairy firm): not shown as support for it', builds(false), 'ineligible', 'condition'],
    ['says nothing about it: not shown', builds(undefined), 'notForYou', 'unanswered'],
    ['is unsure: asked to say', builds('unknown'), 'needsInfo', 'missing'],
  ])('an enterprise that %s', (_case, profile, status, reasonCode) => {
    const r = item(profile, PROJECT);
    expect([r.status, r.reasonCode]).toEqual([status, reasonCode]);
    expect(r.kind).toBe('nonMonetary');
  });

  it.each([
    ['the park’s item is not an enterprise’s', enterprise(), PARK],
    ['the project’s item is not a park’s', park(), PROJECT],
  ])('%s', (_case, profile, id) => {
    expect(item(profile, id).reasonCode).toBe('audience');
  });
});
