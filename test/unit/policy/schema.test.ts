/** The one profile schema: what it accepts, what it refuses, and how it says so (Chinese, naming the field). */
import fc from 'fast-check';
import { catalog2022, parseProfile, readTypedNumber, typedOtherUnit } from '../../../shared/policy/engine';
import { cellValue } from '../../../shared/policy/screening';
import { AMOUNT_FIELDS, TYPED_AMOUNTS, profileWith } from '../../support/typed-amounts';
import { profileArb } from './arbitraries';

const base = { version: 1, entity: 'enterprise' };
const issuesOf = (input: unknown) => {
  const r = parseProfile(input);
  if (r.ok) throw new Error('expected a validation error');
  return r.issues;
};
const CHINESE = /[\u4e00-\u9fff]/;

describe('parseProfile', () => {
  it('accepts a minimal profile and keeps every typed value as typed', () => {
    const p = { ...base, facts: { 'm14.cloudCost': '123.45', 'm03.leadNational': 2 }, region: { poverty: 'unknown' } };
    const r = parseProfile(p);
    expect(r).toEqual({ ok: true, profile: p });
  });

  it.each([
    ['not an object', 'x', '', '档案必须是一个对象'],
    ['an array', [], '', '档案必须是一个对象'],
    ['missing version', { entity: 'enterprise' }, 'version', '缺少必填字段「version」'],
    ['wrong version', { version: 2, entity: 'enterprise' }, 'version', '版本'],
    ['unknown entity', { version: 1, entity: 'person' }, 'entity', '主体类型'],
    ['unknown top-level field', { ...base, openid: 'x' }, 'openid', '未知字段「openid」'],
    ['unknown fact', { ...base, facts: { 'm99.x': 1 } }, 'facts/m99.x', '未知字段'],
    ['negative amount', { ...base, facts: { 'm14.cloudCost': -1 } }, 'facts/m14.cloudCost', '「设备上云上平台的实际费用」不能为负数'],
    // '12万' was refused here before: 万 is the 万元 field's own unit, so it now reads as 12 (TYPED_AMOUNTS).
    ['another unit for an amount', { ...base, facts: { 'm14.cloudCost': '12吨' } }, 'facts/m14.cloudCost', '「设备上云上平台的实际费用」的单位是万元，不是“吨”'],
    [
      '吨 in a 吨标准煤 field',
      { ...base, projects: { 'm17.energy-saving': [{ facts: { savedCoal: '3000吨' } }] } },
      'projects/m17.energy-saving/0/savedCoal',
      '节能技术改造项目（含打捆项目）第 1 项：「项目年节能量」的单位是吨标准煤，不是“吨”',
    ],
    ['an exponent', { ...base, facts: { 'm14.cloudCost': '1e5' } }, 'facts/m14.cloudCost', '必须是数字'],
    ['1e20', { ...base, facts: { 'm14.cloudCost': 1e20 } }, 'facts/m14.cloudCost', '超过合理范围'],
    ['Infinity', { ...base, facts: { 'm14.cloudCost': Infinity } }, 'facts/m14.cloudCost', '必须是数字'],
    ['NaN', { ...base, facts: { 'm14.cloudCost': NaN } }, 'facts/m14.cloudCost', '必须是数字'],
    // ' 12 ' (spaces around a number) was refused here before; every door now reads it as 12 (TYPED_AMOUNTS).
    ['spaces only', { ...base, facts: { 'm14.cloudCost': '   ' } }, 'facts/m14.cloudCost', '必须是数字'],
    ['an empty string', { ...base, facts: { 'm14.cloudCost': '' } }, 'facts/m14.cloudCost', '必须是数字'],
    ['null', { ...base, facts: { 'm14.cloudCost': null } }, 'facts/m14.cloudCost', '必须是数字'],
    ['a fraction of a person', { ...base, facts: { 'm07.greatCraftsmen': 1.5 } }, 'facts/m07.greatCraftsmen', '必须是整数'],
    ['below 0.01 元', { ...base, facts: { 'm14.cloudCost': '0.0000001' } }, 'facts/m14.cloudCost', '最多保留 6 位小数'],
    ['yes as text', { ...base, facts: { 'm01.techCenter': 'yes' } }, 'facts/m01.techCenter', '只能是 是 / 否 / 不确定'],
    ['an unknown level', { ...base, facts: { 'm13.level': '6A' } }, 'facts/m13.level', '只能是以下之一'],
    ['a bad county code', { ...base, region: { countyCode: '15' } }, 'region/countyCode', '6 位数字'],
    ['a region that is a list', { ...base, region: [] }, 'region', '必须是对象'],
    ['projects of an unknown item', { ...base, projects: { 'm08.nope': [] } }, 'projects/m08.nope', '未知字段'],
    ['a project that is a number', { ...base, projects: { 'm08.upgrade': [5] } }, 'projects/m08.upgrade/0', '第 1 项必须是对象'],
    [
      'a project with a negative investment',
      { ...base, projects: { 'm08.upgrade': [{ facts: { investment: 1 } }, { facts: { investment: -3 } }] } },
      'projects/m08.upgrade/1/investment',
      '技术改造项目第 2 项：「项目实际完成投资额」不能为负数',
    ],
    ['too many projects', { ...base, projects: { 'm12.application-scenario': Array(51).fill({ facts: {} }) } }, 'projects/m12.application-scenario', '最多填写 50 项'],
    ['a long project name', { ...base, projects: { 'm12.application-scenario': [{ name: '长'.repeat(41), facts: {} }] } }, 'projects/m12.application-scenario/0/name', '不超过 40 个字'],
  ])('refuses %s, naming the field', (_, input, field, text) => {
    const issues = issuesOf(input);
    const hit = issues.find((i) => i.field === field);
    expect(hit).toBeDefined();
    expect(hit!.message).toContain(text);
  });

  describe.each(TYPED_AMOUNTS)('typed amounts (test/support/typed-amounts.ts): $what, $typed', (row) => {
    const path = AMOUNT_FIELDS[row.field].path;
    it(row.accepted !== undefined ? `accepts it as ${row.accepted}` : `refuses it: ${row.message}`, () => {
      const r = parseProfile(profileWith(row.field, row.typed));
      if (row.accepted !== undefined) {
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        expect(r.profile).toEqual(profileWith(row.field, row.accepted));
      } else {
        expect(r.ok ? [] : r.issues).toEqual([{ field: path, message: row.message }]);
      }
    });
  });

  it('reads typed numbers one way: full-width digits, thousands separators, the field’s own unit, and nothing else', () => {
    // (These were draft.ts numberText's; the reading moved into the schema, used by every door.)
    expect(readTypedNumber('３０００')).toBe('3000');
    expect(readTypedNumber('3,000.5')).toBe('3000.5');
    expect(readTypedNumber('1，200')).toBe('1200');
    expect(readTypedNumber('１２．５')).toBe('12.5');
    expect(readTypedNumber('1,20')).toBeNull();
    expect(readTypedNumber('1e20')).toBeNull();
    expect(readTypedNumber('-5')).toBe('-5');
    expect(readTypedNumber('-2,500万', '万元')).toBe('-2500');
    // '2500万' in a 吨 field was refused here (null) until issue 22, item 9: 万 is a numeral (table below).
    expect(readTypedNumber('6000吨标准煤', '吨标准煤')).toBe('6000');
    expect(readTypedNumber('6000吨', '吨标准煤')).toBeNull();
    expect(readTypedNumber('万元', '万元')).toBeNull();
    expect(readTypedNumber('1.5人', '人')).toBe('1.5');
  });

  it('names the other unit after a number typed in a field of another unit, and only then', () => {
    expect(typedOtherUnit('3000吨', '吨标准煤')).toBe('吨');
    expect(typedOtherUnit('2500元', '万元')).toBe('元');
    // '12万' and '12 万吨' in a 吨 field ('万', '万吨') and '0.5亿' in a 万元 field ('亿') were named as
    // other units here until issue 22, item 9: 万 and 亿 are numerals, read in every field (table below).
    expect(typedOtherUnit('12万吨', '万元')).toBe('吨');
    expect(typedOtherUnit('3万吨', '吨标准煤')).toBe('吨');
    expect(typedOtherUnit('0.5亿元', '吨')).toBe('元');
    expect(typedOtherUnit('２，５００ 元', '万元')).toBe('元');
    expect(typedOtherUnit('-3000吨', '万元')).toBe('吨');
    // The field's own unit, no number, or no unit word: not this message.
    expect(typedOtherUnit('3000吨标准煤', '吨标准煤')).toBeNull();
    expect(typedOtherUnit('2500万', '万元')).toBeNull();
    expect(typedOtherUnit('1.5人', '人')).toBeNull();
    expect(typedOtherUnit('吨', '万元')).toBeNull();
    expect(typedOtherUnit('abc吨', '万元')).toBeNull();
    expect(typedOtherUnit('1,20元', '万元')).toBeNull();
    expect(typedOtherUnit('12斤', '吨')).toBeNull();
    expect(typedOtherUnit('unknown', '吨')).toBeNull();
  });

  // Issue 22, item 9: "6万" in the 吨 water field was refused with 单位是吨，不是“万”. 万 and 亿 are
  // magnitudes, not units: they multiply (exactly) in every field, the field's unit optional after them.
  it.each([
    ['6万', '吨', '60000'],
    ['6万吨', '吨', '60000'],
    ['60000吨', '吨', '60000'],
    ['6 万 吨', '吨', '60000'],
    ['６万吨', '吨', '60000'],
    ['1.5亿吨', '吨', '150000000'],
    ['0.000123万', '吨', '1.23'],
    ['-6万', '吨', '-60000'],
    ['3万吨标准煤', '吨标准煤', '30000'],
    ['3万', '吨标准煤', '30000'],
    ['1.2万人', '人', '12000'],
    ['2万个', '个', '20000'],
    ['2500万', '万元', '2500'],
    ['2500万元', '万元', '2500'],
    ['2500', '万元', '2500'],
    ['0.25亿', '万元', '2500'],
    ['0.25亿元', '万元', '2500'],
    ['1.23456789亿', '万元', '12345.6789'],
    ['2,500万', '万元', '2500'],
    ['5000万', '亿元', '0.5'],
    ['6万', undefined, '60000'],
  ])('reads %j in a %s field as %s', (typed, unit, expected) => {
    expect(readTypedNumber(typed, unit)).toBe(expected);
  });

  it.each([
    ['2500元', '万元', '元'],
    ['2500万吨', '万元', '吨'],
    ['6万元', '吨', '元'],
    ['6万吨', '吨标准煤', '吨'],
    ['6万人', '吨', '人'],
  ])('still refuses %j in a %s field, naming the other unit %s', (typed, unit, word) => {
    expect(readTypedNumber(typed, unit)).toBeNull();
    expect(typedOtherUnit(typed, unit)).toBe(word);
  });

  it.each([['万'], ['6万万'], ['万6'], ['6亿万'], ['6千'], ['1e2万']])('refuses %j as no number in a 吨 field', (typed) => {
    expect(readTypedNumber(typed, '吨')).toBeNull();
    expect(typedOtherUnit(typed, '吨')).toBeNull();
  });

  it.each([
    ['6万', 'ton', '60000'],
    ['6万吨', 'ton', '60000'],
    ['0.25亿', 'wan', '2500'],
  ] as const)('a profile with %j in the %s field is accepted as %s (every door: parseProfile)', (typed, field, accepted) => {
    const r = parseProfile(profileWith(field, typed));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.profile).toEqual(profileWith(field, accepted));
  });

  it.each([
    ['6万', 'savedWater', '60000'],
    ['6万吨', 'savedWater', '60000'],
    ['0.25亿', 'investment', '2500'],
  ])('a register cell %j in the %s column reads as %s (the screening door: cellValue)', (typed, fact, accepted) => {
    const def = catalog2022.measures.flatMap((m) => m.items).flatMap((i) => i.repeat?.facts ?? []).find((f) => f.id === fact)!;
    expect(cellValue(def, typed)).toBe(accepted);
  });

  it('says a wrong unit after 万 in Chinese, naming the field: "6万元" in the 吨 water field', () => {
    expect(issuesOf(profileWith('ton', '6万元'))).toEqual([
      { field: AMOUNT_FIELDS.ton.path, message: '节水技术改造项目（含打捆项目）第 1 项：「项目年节水量」的单位是吨，不是“元”' },
    ]);
  });

  it('reads a negative zero as zero: -0, "-0" and "-0.00" are accepted and kept without the sign', () => {
    const r = parseProfile({
      ...base,
      facts: { 'm14.cloudCost': -0, 'm15.firstVersionSales': '-0', 'm03.leadNational': -0 },
      projects: { 'm08.upgrade': [{ facts: { investment: '-0.00' } }] },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(Object.is(r.profile.facts!['m14.cloudCost'], 0)).toBe(true);
    expect(Object.is(r.profile.facts!['m03.leadNational'], 0)).toBe(true);
    expect(r.profile.facts!['m15.firstVersionSales']).toBe('0');
    expect(r.profile.projects!['m08.upgrade'][0].facts.investment).toBe('0.00');
    // …and the same as 0 everywhere after: the engine cannot tell them apart.
    const zero = parseProfile({ ...base, facts: { 'm14.cloudCost': 0, 'm15.firstVersionSales': '0', 'm03.leadNational': 0 }, projects: { 'm08.upgrade': [{ facts: { investment: '0.00' } }] } });
    expect(r).toEqual(zero);
  });

  it.each([[-0.001], ['-0.001'], ['-0.000001']])('still refuses a negative amount close to zero: %j', (x) => {
    expect(issuesOf({ ...base, facts: { 'm14.cloudCost': x } })[0].message).toBe('「设备上云上平台的实际费用」不能为负数');
  });

  it('reports every bad field at once, not only the first', () => {
    const issues = issuesOf({ ...base, facts: { 'm14.cloudCost': -1, 'm15.firstVersionSales': 'abc' } });
    expect(issues.map((i) => i.field).sort()).toEqual(['facts/m14.cloudCost', 'facts/m15.firstVersionSales']);
  });

  it('never throws and always answers in Chinese for arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const r = parseProfile(input);
        if (!r.ok) for (const i of r.issues) expect(i.message).toMatch(CHINESE);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a valid profile with one value replaced by garbage, naming that field', () => {
    const garbage = fc.oneof(
      fc.constant(-1),
      fc.constant(1e30),
      fc.constant('abc'),
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
      fc.constant(Number.NaN),
      fc.constant('unknown!'),
    );
    fc.assert(
      fc.property(profileArb, garbage, (p, bad) => {
        const keys = Object.keys(p.facts ?? {});
        fc.pre(keys.length > 0);
        const key = keys[0];
        const r = parseProfile({ ...p, facts: { ...p.facts, [key]: bad } });
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.issues.map((i) => i.field)).toContain(`facts/${key}`);
          for (const i of r.issues) expect(i.message).toMatch(CHINESE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses deep garbage anywhere in the profile without throwing', () => {
    fc.assert(
      fc.property(profileArb, fc.anything(), fc.constantFrom('facts', 'projects', 'region', 'sme', 'topics', 'extra'), (p, junk, key) => {
        const input = { ...p, [key]: junk };
        const r = parseProfile(input);
        if (!r.ok) for (const i of r.issues) expect(i.message).toMatch(CHINESE);
      }),
      { numRuns: 300 },
    );
  });
});
