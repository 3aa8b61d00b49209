/**
 * The results page shows the on-device engine at once and asks the `calculate` cloud function to
 * confirm: for the same profile (built from the questionnaire's draft), both answers are identical.
 */
import { evaluate } from '../../../shared/policy';
import { sameResult } from '../../../shared/policy/result-view';
import { runHandler } from '../../../shared/cloud/handler';
import { calculate } from '../../../shared/cloud/handlers/calculate';
import { addEntry, draftProfile, emptyDraft, setAnswer, setText, toggleTopic, type Draft } from '../../../src/state/draft';
import { fakeContext, forbiddenStore } from '../cloud/fakes';

function entry(d: Draft, item: string, answers: Record<string, boolean | string>, texts: Record<string, string> = {}): Draft {
  d = addEntry(d, item);
  const key = d.projects[item][d.projects[item].length - 1].key;
  for (const [id, v] of Object.entries(answers)) d = setAnswer(d, id, v, item, key);
  for (const [id, t] of Object.entries(texts)) d = setText(d, id, t, item, key);
  return d;
}

const personas: [string, Draft][] = [];
{
  let d: Draft = { ...emptyDraft('enterprise'), sme: false, cityCode: '150200', countyCode: '150203', poverty: false, oldRevolutionary: false };
  d = toggleTopic(toggleTopic(d, 'investment'), 'digital');
  d = entry(d, 'm08.upgrade', { chain: true }, { investment: '3000' });
  d = entry(d, 'm08.robots', { hazardous: 'unknown' }, { robotCost: '800' });
  d = setAnswer(setText(d, 'm14.cloudCost', '180'), 'm13.level', '3A');
  personas.push(['large enterprise, 3000万 upgrade', d]);
}
{
  let d: Draft = { ...emptyDraft('enterprise'), sme: true, cityCode: '150400', countyCode: '150429', poverty: 'unknown', oldRevolutionary: true };
  d = toggleTopic(toggleTopic(d, 'platforms'), 'investment');
  d = setAnswer(d, 'm06.recognition', 'specialized');
  d = entry(d, 'm08.upgrade', { chain: true }, { investment: '1200' });
  personas.push(['small 专精特新 firm in a 革命老区', d]);
}
{
  let d: Draft = { ...emptyDraft('park'), cityCode: '150600', countyCode: '150622' };
  d = toggleTopic(d, 'park');
  for (const [id, v] of [['m16.parkPlatform', true], ['m20.demoPark', true], ['m30.strongPark', false], ['m30.excellentPark', true]] as const) d = setAnswer(d, id, v);
  personas.push(['industrial park', d]);
}

it.each(personas)('%s: the cloud answers exactly what the device computed', async (_name, draft) => {
  const prepared = draftProfile(draft);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.messages));
  const local = evaluate(prepared.profile);
  // The page sends the validated profile; the cloud validates it again and runs the same engine.
  const env = await runHandler('calculate', calculate, JSON.parse(JSON.stringify({ profile: prepared.profile })), fakeContext({ db: forbiddenStore }));
  expect(env.ok).toBe(true);
  if (!env.ok) return;
  const cloud = JSON.parse(JSON.stringify(env.data));
  expect(cloud).toEqual(JSON.parse(JSON.stringify(local)));
  expect(sameResult(cloud, local)).toBe(true);
});

it('the persona totals are the ones the e2e test expects', () => {
  const totals = personas.map(([, d]) => {
    const p = draftProfile(d);
    if (!p.ok) throw new Error('invalid');
    return evaluate(p.profile).total;
  });
  expect(totals).toEqual([
    { min: '6360000.00', max: '6360000.00' },
    { min: '2900000.00', max: '2900000.00' },
    { min: '5000000.00', max: '25000000.00' },
  ]);
});
