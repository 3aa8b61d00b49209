/**
 * The template's county column and the 脱贫地区 hint (issue 27, item 1), from the same data and the
 * same povertySuggestion as the questionnaire (shared/region): suggest, never decide. COUNTY_NAMES
 * and CITY_NAMES are the 旗县区 and 盟市 the questionnaire knows (the template's drop-downs);
 * listedCounties the 旗县区 the data lists as former poverty counties, each with the questionnaire's
 * words; povertyHint a screened row's line asking to confirm 脱贫地区 when it left that cell empty
 * or 不确定 and its 旗县区 is listed. POVERTY_SOURCES is re-exported for the 说明 sheet.
 */
import type { Profile } from '../engine';
import { CITIES, povertyListing, povertySuggestion, POVERTY_SOURCES } from '../../region';

export { POVERTY_SOURCES };

export const CITY_NAMES: string[] = CITIES.map((c) => c.name);
export const COUNTY_NAMES: string[] = CITIES.flatMap((c) => c.counties.map(([, name]) => name));

/** The 盟市 of a 旗县区 name (the 103 names are unique), or undefined. */
function cityOf(countyName: string): string | undefined {
  return CITIES.find((c) => c.counties.some(([, name]) => name === countyName))?.name;
}

/** The 旗县区 the data lists as former poverty counties, with the questionnaire's suggestion. */
export function listedCounties(): { cityName: string; countyName: string; text: string }[] {
  return CITIES.flatMap((c) =>
    c.counties
      .filter(([, name]) => povertyListing(c.name, name) !== 'notListed')
      .map(([, name]) => ({ cityName: c.name, countyName: name, text: povertySuggestion(c.name, name).text })),
  );
}

/**
 * '请确认是否属于脱贫地区：武川县曾是国家级贫困县…' for an enterprise whose 旗县区 is listed and whose
 * 脱贫地区 is empty or 不确定; undefined otherwise (a park: the questionnaire gives it no hint either).
 */
export function povertyHint(profile: Profile): string | undefined {
  const region = profile.region;
  if (profile.entity !== 'enterprise' || !region?.countyName) return undefined;
  if (region.poverty !== undefined && region.poverty !== 'unknown') return undefined;
  const cityName = region.cityName || cityOf(region.countyName);
  if (!cityName || povertyListing(cityName, region.countyName) === 'notListed') return undefined;
  return `请确认是否属于脱贫地区：${povertySuggestion(cityName, region.countyName).text}`;
}
