/** Inner Mongolia's 盟市 / 旗县区 (generated slice: findCity, findPlace by code) and the 脱贫地区 suggestion. */
import { CITIES } from './inner-mongolia';
import type { CitySlice } from './slice';

export { CITIES, REGION_SOURCE } from './inner-mongolia';
export type { CitySlice, CountyTuple } from './slice';
export { povertyListing, povertySuggestion, POVERTY_SOURCES, type PovertyListing, type PovertySuggestion } from './poverty';

export interface Place {
  cityCode: string;
  cityName: string;
  countyCode: string;
  countyName: string;
}

export function findCity(code: string | undefined): CitySlice | undefined {
  return code ? CITIES.find((c) => c.code === code) : undefined;
}

/** The 盟市 and 旗县区 of a county code, or undefined when the code is not one of the 103. */
export function findPlace(countyCode: string | undefined): Place | undefined {
  if (!countyCode) return undefined;
  for (const c of CITIES) {
    const hit = c.counties.find(([code]) => code === countyCode);
    if (hit) return { cityCode: c.code, cityName: c.name, countyCode: hit[0], countyName: hit[1] };
  }
  return undefined;
}
