/**
 * What a screening worker thread loads and what is posted to it (issue 24, item 3): a worker screens
 * rows, so its bundle holds the schema, the engine and the row's words — no spreadsheet, zip or CSV
 * package (it compiled the whole 2.5 MB CLI bundle, exceljs included, at each start); and a batch of
 * rows goes to it as its filled cells only, read back into the same rows.
 */
import { join } from 'path';
import { buildSync } from 'esbuild';
import { type TableRow } from '../../../shared/policy/screening';
import { packRows, unpackRows } from '../../../shared/policy/screening/parallel';

const root = join(__dirname, '../../..');

/** The packages the worker's bundle takes in, as scripts/build-cli.mjs builds it (without writing it). */
function workerPackages(): { packages: Set<string>; bytes: number } {
  const result = buildSync({
    entryPoints: [join(root, 'shared/policy/screening/screen-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    tsconfig: join(root, 'tsconfig.json'),
    external: ['archiver'],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const packages = new Set(Object.keys(result.metafile!.inputs).flatMap((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? []));
  return { packages, bytes: result.outputFiles![0].contents.length };
}

describe('the screening worker thread', () => {
  const bundle = workerPackages();

  it.each(['exceljs', 'csv-parse', 'yauzl', 'archiver', 'commander', 'cli-progress'])('its bundle does not take in %s', (pkg) => {
    expect([...bundle.packages]).not.toContain(pkg);
  });

  it('its bundle is under 600 KB (the schema, the engine and the catalog; the CLI bundle is 2.5 MB)', () => {
    expect(bundle.bytes).toBeLessThan(600 * 1024);
  });
});

describe('rows posted to a worker', () => {
  const rows: TableRow[] = [
    { row: 3, cells: ['企业 1', '企业', '', '', '是', '', '4'] },
    { row: 4, cells: ['', '', '', ''] },
    { row: 9, cells: ['企业 3', '园区', '', ' ', '不确定', '', '', '', '0'] },
  ];

  it.each(rows.map((r, i) => [r.row, i] as const))('row %d reads back as it was read', (_row, i) => {
    expect(unpackRows(packRows(rows))[i]).toEqual(rows[i]);
  });

  it('a batch carries the filled cells only (row, count, position and text of each, an end mark)', () => {
    expect(packRows(rows)).toHaveLength(3 * 2 + 9 * 2 + 3);
  });
});
