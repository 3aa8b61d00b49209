/**
 * Engine benchmark (run by scripts/bench.mjs in its own process, one core):
 *  - µs per profile for the shipped example profiles;
 *  - over 100 000 generated questionnaire-like profiles, and over dense ones: the full evaluation
 *    (with the working, as a result page shows it) and the screening run (`explain: false`, as a
 *    register is screened), profiles per second;
 *  - the same rules in plain numbers (bench/plain-evaluator.ts) as the lower bound, and the ratios.
 * Prints one JSON object.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { evaluate, parseProfile, parseProfileByValibot, type Profile } from '../shared/policy/engine';
import { rng } from '../test/fakes/simulate';
import { denseProfile, questionnaireProfile } from './profiles';
import { plainEvaluate } from './plain-evaluator';
import { nowNs, stat } from './stats';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const N = Number(process.env.BENCH_PROFILES || 100_000);
const root = process.env.BENCH_ROOT || process.cwd();

function timePerProfile(fn: (p: Profile) => unknown, list: Profile[], reps = 1): number[] {
  const out: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = nowNs();
    for (let k = 0; k < reps; k++) for (const p of list) fn(p);
    out.push(Number(nowNs() - t) / 1000 / (reps * list.length));
  }
  return out;
}

function generate(make: (r: () => number) => Profile, n: number, seed: number): Profile[] {
  const r = rng(seed);
  const list: Profile[] = [];
  for (let i = 0; i < n; i++) {
    const p = make(r);
    const parsed = parseProfile(p);
    if (!parsed.ok) throw new Error(`generated profile ${i} is invalid: ${parsed.issues[0].message}`);
    list.push(parsed.profile);
  }
  return list;
}

const examples = ['large-enterprise', 'small-specialized', 'industrial-park'].map((name) => {
  const parsed = parseProfile(JSON.parse(readFileSync(path.join(root, 'shared/policy/examples', `${name}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(`example ${name} invalid`);
  return { name, profile: parsed.profile };
});

const questionnaire = generate(questionnaireProfile, N, 1);
const dense = generate(denseProfile, Math.max(1000, Math.floor(N / 10)), 2);

const screening = (p: Profile) => evaluate(p, undefined, { explain: false });

// Warm up the evaluators (JIT) before measuring.
for (const p of questionnaire.slice(0, 20000)) {
  evaluate(p);
  screening(p);
  plainEvaluate(p);
}

const perExample = examples.map(({ name, profile }) => ({ name, usPerProfile: stat(timePerProfile(evaluate, [profile], 2000)) }));

const qEngine = stat(timePerProfile(evaluate, questionnaire));
const qScreen = stat(timePerProfile(screening, questionnaire));
const qPlain = stat(timePerProfile(plainEvaluate, questionnaire));
const dEngine = stat(timePerProfile(evaluate, dense));
const dScreen = stat(timePerProfile(screening, dense));
const dPlain = stat(timePerProfile(plainEvaluate, dense));
// Validation (issue 24, item 2): parseProfile (the compiled check; valibot only for a refusal) and
// valibot alone, in alternating rounds of the same run.
const toValidate = questionnaire.slice(0, 20000);
const validateRuns: number[] = [];
const valibotRuns: number[] = [];
const timeOnce = (fn: (p: Profile) => unknown): number => {
  const t = nowNs();
  for (const p of toValidate) fn(p);
  return Number(nowNs() - t) / 1000 / toValidate.length;
};
for (let r = 0; r < RUNS; r++) {
  validateRuns.push(timeOnce(parseProfile));
  valibotRuns.push(timeOnce(parseProfileByValibot));
}
const validate = stat(validateRuns);
const validateValibot = stat(valibotRuns);

const answered = questionnaire.reduce((a, p) => a + evaluate(p).items.filter((i) => i.status !== 'notForYou').length, 0) / questionnaire.length;

console.log(
  JSON.stringify({
    runs: RUNS,
    profiles: { questionnaire: questionnaire.length, dense: dense.length, answeredItemsPerQuestionnaireProfile: answered },
    perExample,
    questionnaire: {
      engineUs: qEngine,
      screenUs: qScreen,
      plainUs: qPlain,
      profilesPerSecond: 1e6 / qEngine.median,
      screenPerSecond: 1e6 / qScreen.median,
      ratio: qEngine.median / qPlain.median,
      screenRatio: qScreen.median / qPlain.median,
    },
    dense: {
      engineUs: dEngine,
      screenUs: dScreen,
      plainUs: dPlain,
      profilesPerSecond: 1e6 / dEngine.median,
      ratio: dEngine.median / dPlain.median,
      screenRatio: dScreen.median / dPlain.median,
    },
    validateUs: validate,
    validateValibotUs: validateValibot,
  }),
);
