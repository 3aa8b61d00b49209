/**
 * Suggests — never decides — whether a 旗县区 may count as a 脱贫地区 for measure （八）.
 * Data: ./former-poverty-banners.json, copied verbatim (with its sources) from the project's shared
 * data folder. The list does not say whether 脱贫地区 means the 31 national former poverty counties
 * or all 57 (incl. 26 autonomous-region level), and 12 of the regional names are unknown, so a
 * county that is not listed is "not known", not "no". The user always answers the question.
 * povertySuggestion gives a PovertySuggestion from povertyListing's PovertyListing (national, regional
 * or not listed), citing POVERTY_SOURCES.
 */
import data from './former-poverty-banners.json';

export type PovertyListing = 'national' | 'regional' | 'notListed';

export interface PovertySuggestion {
  listing: PovertyListing;
  /** One or two sentences for the questionnaire, in Chinese. */
  text: string;
}

type NameLists = Record<string, string[]>;

const national = data.national as NameLists;
const regional = data.regionalConfirmed as NameLists;

export const POVERTY_SOURCES: string[] = data.sources;

export function povertyListing(cityName: string, countyName: string): PovertyListing {
  if (national[cityName]?.includes(countyName)) return 'national';
  if (regional[cityName]?.includes(countyName)) return 'regional';
  return 'notListed';
}

export function povertySuggestion(cityName: string, countyName: string): PovertySuggestion {
  const listing = povertyListing(cityName, countyName);
  if (listing === 'national') {
    return {
      listing,
      text: `${countyName}曾是国家级贫困县（已于 2020 年前脱贫摘帽），很可能属于“脱贫地区”。请以当地认定为准确认。`,
    };
  }
  if (listing === 'regional') {
    return {
      listing,
      text: `${countyName}曾是自治区级贫困旗县（已脱贫摘帽）。清单未写明“脱贫地区”是否包括自治区级贫困旗县，请向当地工信部门确认。`,
    };
  }
  return {
    listing,
    text: `在已知名单中没有找到${countyName}（自治区级名单尚不完整）。不清楚的话请选“不确定”。`,
  };
}
