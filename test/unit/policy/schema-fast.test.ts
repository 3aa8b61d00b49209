/**
 * The compiled profile check (shared/policy/engine/schema-check.ts, issue 24 item 2) against valibot,
 * its one source: the same verdict on valid and spoiled profiles, the same parsed profile (same
 * amount texts, same key order, 0 not -0), and parseProfile's answer always valibot's answer.
 */
import fc from 'fast-check';
import { Dec, checkProfileFast, parseProfile, parseProfileByValibot } from '../../../shared/policy/engine';
import { profileArb } from './arbitraries';

type Counts = { accepted: number; refused: number };

/** Fast path and valibot agree on `input`; which branch it reached is counted. */
function agree(input: unknown, counts: Counts): void {
  const slow = parseProfileByValibot(input);
  const fast = checkProfileFast(input);
  expect(fast !== null).toBe(slow.ok);
  if (slow.ok) {
    counts.accepted++;
    expect(fast).toEqual(slow.profile);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.profile));
  } else counts.refused++;
  expect(parseProfile(input)).toEqual(slow);
}

const fullWidth = (s: string) => s.replace(/[0-9.,\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Amount text as people and spreadsheets type it: signs, separators, 万/亿, unit words, full-width digits, spaces. */
const typedAmount = fc
  .tuple(
    fc.constantFrom('', '', '', '-', ' ', '+'),
    fc.oneof({ arbitrary: fc.integer({ min: 0, max: 99999 }), weight: 4 }, fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom(0, 5000, 10000000, 10000001)),
    fc.option(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 99 }), weight: 3 }, fc.integer({ min: 0, max: 99999999 })), { nil: undefined, freq: 2 }),
    fc.boolean(),
    fc.oneof({ arbitrary: fc.constant(''), weight: 8 }, fc.constantFrom('万', '亿', '万元', '亿元', '元', '吨', '万吨', '人', '吨标准煤', '个', '%', ' 万')),
    fc.boolean(),
  )
  .map(([sign, int, frac, grouped, unit, wide]) => {
    const whole = grouped ? int.toLocaleString('en-US') : String(int);
    const text = `${sign}${whole}${frac === undefined ? '' : `.${frac}`}${unit}`;
    return wide ? fullWidth(text) : text;
  });

/** What an amount (or any field) may hold instead of a valid value. */
const spoilt: fc.Arbitrary<unknown> = fc.oneof(
  typedAmount,
  fc.constantFrom('NaN', 'Infinity', '1e9', '-0', '-0.00', '0.0000001', '１２３', '２，５００', '2,50', '', '  ', 'unknown', 'abc', '18O', true, false, null, 'true'),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, -1, 1.5, 0.1234567, 1e30, 2 ** 53, 10000000, 10000000.01),
  fc.double(),
  fc.integer({ min: -10, max: 100 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom([], {}, [{}], [{ facts: {} }], { facts: {} }),
);

/** A valid profile with one thing changed: a value replaced, a key removed, or an unknown key added, anywhere in it. */
const spoiltProfile = fc.tuple(profileArb, fc.nat(), fc.constantFrom('replace', 'replace', 'replace', 'remove', 'addKey'), spoilt, fc.constantFrom('x', 'openid', 'm99.x', 'name', 'facts', '0')).map(
  ([p, pick, how, value, key]) => {
    const copy = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
    const places: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) {
        node.forEach((x, i) => {
          places.push([node, i]);
          walk(x);
        });
      } else if (node && typeof node === 'object') {
        for (const [k, x] of Object.entries(node)) {
          places.push([node as Record<string, unknown>, k]);
          walk(x);
        }
      }
    };
    walk(copy);
    const [parent, at] = places[pick % places.length];
    if (how === 'replace') (parent as Record<string | number, unknown>)[at] = value;
    else if (how === 'remove') delete (parent as Record<string | number, unknown>)[at];
    else {
      const target = (parent as Record<string | number, unknown>)[at];
      if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[key] = value;
      else copy[key] = value;
    }
    return copy;
  },
);

/** Amount facts answered with typed text: mostly accepted (full-width, 万, grouping), some refused. */
const typedProfile = fc.tuple(profileArb, typedAmount, fc.constantFrom('m14.cloudCost', 'm07.greatCraftsmen', 'm03.leadNational')).map(([p, typed, id]) => ({
  ...p,
  facts: { ...p.facts, [id]: typed },
}));

describe('the compiled profile check gives valibot verdicts', () => {
  it.each([
    ['valid profiles are all accepted, with the same profile', profileArb as fc.Arbitrary<unknown>, 500, { accepted: 500, refused: 0 }],
    ['profiles with one thing spoiled are refused or accepted as valibot says', spoiltProfile, 2000, { accepted: 200, refused: 1000 }],
    ['profiles with an amount typed as text read to the same number', typedProfile, 1500, { accepted: 200, refused: 300 }],
    ['any JSON value is refused as valibot refuses it', fc.jsonValue({ maxDepth: 3 }), 500, { accepted: 0, refused: 400 }],
  ])('%s', (_what, arb, runs, atLeast) => {
    const counts: Counts = { accepted: 0, refused: 0 };
    fc.assert(fc.property(arb, (input) => agree(input, counts)), { numRuns: runs, seed: 24 });
    expect(counts.accepted).toBeGreaterThanOrEqual(atLeast.accepted);
    expect(counts.refused).toBeGreaterThanOrEqual(atLeast.refused);
    expect(counts.accepted + counts.refused).toBe(runs);
  });

  const base = { version: 1, entity: 'enterprise' };
  it.each([
    ['JSON -0 in an amount', { ...base, facts: { 'm14.cloudCost': -0 } }, true],
    ['the text -0.00 in an amount', { ...base, facts: { 'm14.cloudCost': '-0.00' } }, true],
    ['full-width digits with a full-width comma', { ...base, facts: { 'm14.cloudCost': '２，５００' } }, true],
    ['0.25亿 in a 万元 field', { ...base, facts: { 'm14.cloudCost': '0.25亿' } }, true],
    ['3人 in a 人 field', { ...base, facts: { 'm07.greatCraftsmen': '3人' } }, true],
    ['the text NaN', { ...base, facts: { 'm14.cloudCost': 'NaN' } }, false],
    ['the number NaN', { ...base, facts: { 'm14.cloudCost': Number.NaN } }, false],
    ['an infinite number', { ...base, facts: { 'm14.cloudCost': Number.POSITIVE_INFINITY } }, false],
    ['a number in another unit', { ...base, facts: { 'm14.cloudCost': '3000吨' } }, false],
    ['a negative amount', { ...base, facts: { 'm14.cloudCost': '-5' } }, false],
    ['an amount over the field maximum', { ...base, facts: { 'm14.cloudCost': '10000000.000001' } }, false],
    ['a fraction of a person', { ...base, facts: { 'm07.greatCraftsmen': 1.5 } }, false],
    ['too many decimals', { ...base, facts: { 'm14.cloudCost': '1.1234567' } }, false],
    ['an unknown fact', { ...base, facts: { 'm99.x': 1 } }, false],
    ['facts as an array', { ...base, facts: [] }, false],
    ['an entry that is an array', { ...base, projects: { 'm18.water-saving': [[]] } }, false],
    ['an entry without facts', { ...base, projects: { 'm18.water-saving': [{ name: 'a' }] } }, false],
    ['51 entries', { ...base, projects: { 'm18.water-saving': Array.from({ length: 51 }, () => ({ facts: {} })) } }, false],
    ['a county code of five digits', { ...base, region: { countyCode: '15010' } }, false],
    ['a key that is present but undefined', { ...base, sme: undefined }, true],
    ['no entity', { version: 1 }, false],
    ['an inherited toString key', { ...base, toString: 1 }, false],
  ])('%s: same verdict and answer as valibot', (_what, input, ok) => {
    const counts: Counts = { accepted: 0, refused: 0 };
    agree(input, counts);
    expect(counts.accepted === 1).toBe(ok);
  });
});

/** The amount's value and messages in a profile with only that amount. */
function amountAnswer(path: string, value: unknown) {
  const [, fact] = path.split('/');
  const input =
    path.startsWith('facts/') ? { version: 1, entity: 'enterprise', facts: { [fact]: value } }
    : { version: 1, entity: 'enterprise', projects: { 'm18.water-saving': [{ facts: { savedWater: value } }] } };
  const r = parseProfile(input);
  if (!r.ok) return { ok: false, messages: r.issues.map((i) => i.message) };
  const facts = path.startsWith('facts/') ? r.profile.facts! : r.profile.projects!['m18.water-saving']![0].facts;
  return { ok: true, value: new Dec(facts[path.startsWith('facts/') ? fact : 'savedWater'] as number | string).toString() };
}

/** JSON numbers whose text has no exponent (the text form is then read as typed): near the fields' limits and precisions. */
const jsonNumber = fc.oneof(
  fc.double({ min: -1e8, max: 1e8, noNaN: true }),
  fc.integer({ min: -1_000_000, max: 20_000_000_000 }).map((n) => n / 1000),
  fc.integer({ min: 0, max: 20_000_000 }).chain((n) => fc.constantFrom(n, n / 10, n / 100, n / 1e6, n / 1e7, n + 0.5)),
  fc.constantFrom(10000000, 10000000.000001, 9999999.999999, 1e-6, 1e-7 + 1e-6, 0.1 + 0.2, -0),
).filter((x) => !/e/.test(String(x)));

describe('an amount sent as a JSON number gets the verdict, message and value of its text (decided without a Decimal)', () => {
  it.each([
    ['a 万元 fact (six decimals, at most 10000000)', 'facts/m14.cloudCost', 300],
    ['a 人 fact (whole numbers)', 'facts/m07.greatCraftsmen', 150],
    ['a 吨 figure in a project entry (three decimals)', 'projects/m18.water-saving/0/savedWater', 300],
  ])('%s', (_what, path, accepted) => {
    const counts: Counts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(jsonNumber, (x) => {
        const asNumber = amountAnswer(path, x);
        expect(asNumber).toEqual(amountAnswer(path, String(x)));
        if (asNumber.ok) counts.accepted++;
        else counts.refused++;
      }),
      { numRuns: 3000, seed: 24 },
    );
    expect(counts.accepted).toBeGreaterThanOrEqual(accepted);
    expect(counts.refused).toBeGreaterThanOrEqual(300);
  });
});
