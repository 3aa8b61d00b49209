/**
 * Which version made a figure: versionStamp() gives this code's VersionStamp — the app's version
 * (appVersion: package.json's version and the git commit it was built from, '0.1.0+1c6ede6', with
 * '.dirty' when the tree had uncommitted changes; 'dev' when nothing defined it, as in tests) and the
 * catalog's (catalogVersion: a hash of the catalog's records, so a changed rate, cap, clause or
 * threshold changes it and a reformatted source file does not). versionText words a stamp for people
 * ('测算版本 0.1.0+1c6ede6 · 政策数据 3f9a21c0'); sameVersion compares two; readVersionStamp reads one
 * from a reply (undefined when the reply has none: a function deployed before versions existed).
 *
 * The results page, the 测算单, the screening result, the CLI and the calculate function all stamp
 * through this file.
 */
import { catalog2022 } from './catalog';
import { stableJson } from './stable-json';
import type { Catalog } from './types';

/**
 * The app's version, put in by the build: Taro's defineConstants (config/index.ts) for the pages,
 * esbuild's define (scripts/build-cloud.mjs) for the cloud functions. The command lines and the local
 * cloud run from source and set it as a global at start (scripts/app-version.cjs computes it for all
 * of them). Read at each call, so a test may set the global too.
 */
declare const __APP_VERSION__: string | undefined;

export interface VersionStamp {
  /** '0.1.0+1c6ede6', '0.1.0+1c6ede6.dirty' or 'dev'. */
  app: string;
  /** 8 hex digits. */
  catalog: string;
}

export function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' && __APP_VERSION__ !== '' ? __APP_VERSION__ : 'dev';
}

/** FNV-1a, 32 bits, over the text's UTF-16 code units: a short fingerprint, not a security hash. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * catalog2022's version, worked out when a cloud function is built (scripts/catalog-version.cjs runs
 * catalogVersion below, esbuild's define puts it in): hashing the catalog cost ~9 ms of a function's
 * cold start (issue 24). Undefined elsewhere (pages, command lines, tests), where it is computed.
 */
declare const __CATALOG_VERSION__: string | undefined;

const hashes = new WeakMap<Catalog, string>();

/** A hash of everything the catalog records (its measures, items, figures, clauses, questions), key order aside; computed once per catalog. */
export function catalogVersion(catalog: Catalog = catalog2022): string {
  if (catalog === catalog2022 && typeof __CATALOG_VERSION__ === 'string' && __CATALOG_VERSION__ !== '') return __CATALOG_VERSION__;
  let h = hashes.get(catalog);
  if (h === undefined) {
    h = fnv1a(stableJson(catalog));
    hashes.set(catalog, h);
  }
  return h;
}

export function versionStamp(catalog: Catalog = catalog2022): VersionStamp {
  return { app: appVersion(), catalog: catalogVersion(catalog) };
}

/** '测算版本 0.1.0+1c6ede6 · 政策数据 3f9a21c0' */
export function versionText(v: VersionStamp): string {
  return `测算版本 ${v.app} · 政策数据 ${v.catalog}`;
}

export function sameVersion(a: VersionStamp, b: VersionStamp): boolean {
  return a.app === b.app && a.catalog === b.catalog;
}

/** A stamp as a reply carries it, or undefined when it has none or not in this shape. */
export function readVersionStamp(x: unknown): VersionStamp | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const { app, catalog } = x as Record<string, unknown>;
  return typeof app === 'string' && typeof catalog === 'string' && app !== '' && catalog !== '' ? { app, catalog } : undefined;
}
