/**
 * Memory of reading a register (issue 27, item 5: peak ≤ 300 MB in one thread, flat in the row
 * count; before, 1M CSV rows reached 539 MB with the heap capped at 192 MB, the whole file read at
 * once): a 1 000 000-row .csv and a 200 000-row .xlsx, written here, each read in a child process
 * (bench/read-memory-child.ts, --max-old-space-size=192) — and, for flatness, a tenth of each.
 * Prints JSON: per file its rows, MB, seconds and peak resident MB. Exports readMemory (ReadMemory),
 * writeCsv and writeXlsx for the jest flatness check (test/unit/screen/memory.test.ts).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { catalog2022 } from '../shared/policy/engine';
import { screenColumns } from '../shared/policy/screening';
import { enterprise, registerHeader, repeated, rowXml, writeRegisterZip } from '../test/unit/screen/hostile-files';

const root = path.join(__dirname, '..');

/** A .csv of `rows` enterprises (name, 主体类型, 是否为中小企业 and a cloud cost filled; the rest empty). */
export function writeCsv(file: string, rows: number): void {
  const columns = screenColumns(catalog2022);
  const width = columns.length;
  const head = `${columns.map((c) => `"${c.header.replace(/"/g, '""')}"`).join(',')}\n`;
  const parts = [head];
  const empty = ','.repeat(width - 3);
  for (let i = 0; i < rows; i++) parts.push(`企业${i + 1},企业,是${empty}\n`);
  writeFileSync(file, parts.join(''));
}

/** An .xlsx of `rows` enterprises (rows copied a thousand at a time). */
export function writeXlsx(file: string, rows: number): void {
  const piece = Array.from({ length: 1000 }, (_, i) => rowXml(2 + i, enterprise(`企业${i + 1}`))).join('');
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(1, registerHeader())}`;
  writeRegisterZip(file, repeated(head, piece, rows / 1000, '</sheetData></worksheet>', 'sheet'));
}

export interface ReadMemory {
  rows: number;
  mb: number;
  seconds: number;
  peakMb: number;
}

/** Reads `file` in a child process with its heap capped at 192 MB; `cwd` is the code to run (this repository by default). */
export function readMemory(file: string, cwd = root): ReadMemory {
  const r = spawnSync(process.execPath, ['--max-old-space-size=192', '--import', 'tsx', path.join(cwd, 'bench/read-memory-child.ts'), file], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`reading ${file} gave no result (signal ${r.signal}): ${r.stderr.slice(-500)}`);
  const out = JSON.parse(line) as Partial<ReadMemory> & { error?: string };
  if (out.error) throw new Error(out.error);
  return { rows: out.rows!, mb: statSync(file).size / 1024 / 1024, seconds: out.seconds!, peakMb: out.peakMb! };
}

if (require.main === module) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-read-memory-'));
  try {
    const out: Record<string, ReadMemory> = {};
    for (const [name, write, rows] of [
      ['csv', writeCsv, 1_000_000],
      ['csvTenth', writeCsv, 100_000],
      ['xlsx', writeXlsx, 200_000],
      ['xlsxTenth', writeXlsx, 20_000],
    ] as const) {
      const file = path.join(dir, `${name}.${name.startsWith('csv') ? 'csv' : 'xlsx'}`);
      write(file, rows);
      out[name] = readMemory(file);
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
