/**
 * Hostile and odd registers (issue 27, item 4), each read in a child process with its heap capped
 * (--max-old-space-size=192) the way the CLI reads it (screenFile) and the way the `screen`
 * function's `open` does (the handler, in memory): refused early with a Chinese message that names
 * the row, the column or the range, within 300 MB resident and 5 s — or, for a file that is odd but
 * fine (a hidden first sheet, a big picture), screened as it should be. The files are written in
 * the test (hostile-files.ts), none is committed. The probe that found them: a 293 KB .xlsx with a
 * 300-million-character cell took the local cloud to 2.2 GB and wrote the cell into the result;
 * 20M empty rows kept `open` busy 151 s; a hidden first sheet was read instead of the register.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { tempDir } from './support';
import { childScript } from '../../support/child-script';
import {
  bigUnusedPart,
  blankCsvRows,
  emptyRows,
  enterprise,
  giantCell,
  giantCsvCell,
  giantSharedString,
  manyRows,
  plain,
  registerSheet,
  rowXml,
  sheetXml,
  registerHeader,
  workbookParts,
  writeRegisterZip,
  writeZip,
  zipBomb,
} from './hostile-files';

const root = join(__dirname, '../../..');
const CHILD = childScript(join(__dirname, 'hostile-child.ts'));
/**
 * The bounds: refused in under 5 s within 300 MB. The seconds are the child's CPU time (its
 * threads, zlib's included): on this 2-core machine shared by other work (load 8) the wall clock of
 * the same run varied 0.8–5.3 s for the 300M-character cell while its CPU time stayed near 1 s; the
 * wall clock is held to 4× the bound.
 */
const SECONDS = 5;
const WALL_SECONDS = 4 * SECONDS;
const PEAK_MB = 300;
const MILLION = 1_000_000;

interface Outcome {
  ok: boolean;
  message?: string;
  rows?: number;
  refused?: { row: number; name: string; messages: string[] }[];
  sheets?: string[];
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

function run(mode: 'cli' | 'cloud', file: string, out: string, tmp: string): Outcome {
  const child = spawnSync(process.execPath, ['--max-old-space-size=192', CHILD, mode, file, out], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120000,
    env: { ...process.env, TMPDIR: tmp, NODE_OPTIONS: '' },
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result (status ${child.status}, signal ${child.signal}): ${child.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length)) as Outcome;
}

const EMPTY_ROWS = MILLION;

const NAME = registerHeader()[0];
const tooLong = (row: number) => new RegExp(`^第 ${row} 行「${NAME}」超过 32767 个字符`);
type Says = ((o: Outcome) => void) | null;

/** Each file: how to write it, and what the CLI and the function's open must answer (null: not asked of that door). */
const FILES: [string, string, (path: string) => unknown, Says, Says][] = [
  [
    'a name cell of 300 million characters (inline): its row refused naming the cell, the name cut, the other rows screened',
    'giant-cell.xlsx',
    (p) => giantCell(p),
    (o) => {
      expect(o).toMatchObject({ ok: true, rows: 3 });
      expect(o.refused).toHaveLength(1);
      expect(o.refused![0].row).toBe(3);
      expect(o.refused![0].messages).toEqual([expect.stringMatching(tooLong(3))]);
      expect(o.refused![0].name.length).toBeLessThan(100);
    },
    // 300 MB of sheet is past what the function inflates (SCREEN_MAX_ROWS × 4 KB): refused as a whole.
    (o) => expect(o.message).toMatch(/工作表「名单」解压后超过 78 MB/),
  ],
  [
    'a name cell of 60 million characters (inline, within the function’s bound): its row refused, the other rows screened',
    'big-cell.xlsx',
    (p) => giantCell(p, 60 * MILLION),
    (o) => expect(o.refused!.map((r) => [r.row, r.name, r.messages])).toEqual([[3, `${'A'.repeat(20)}…`, [expect.stringMatching(tooLong(3))]]]),
    (o) => expect(o).toMatchObject({ ok: true, rows: 3 }),
  ],
  [
    'a CSV name cell of 100 000 characters: its row refused naming the cell, the other rows screened',
    'big-cell.csv',
    (p) => giantCsvCell(p, 100_000),
    (o) => expect(o.refused!.map((r) => [r.row, r.name, r.messages])).toEqual([[3, `${'A'.repeat(20)}…`, [expect.stringMatching(tooLong(3))]]]),
    (o) => expect(o).toMatchObject({ ok: true, rows: 3 }),
  ],
  [
    'a CSV name cell of 30 million characters: refused at the bound on a line (2 000 000 characters), naming the line',
    'giant-cell.csv',
    (p) => giantCsvCell(p, 30 * MILLION),
    (o) => expect(o.message).toMatch(/第 3 行附近一行超过 2000000 个字符/),
    // over the function's 10 MB: refused before it is read
    (o) => expect(o.message).toMatch(/文件太大/),
  ],
  [
    'a shared string of 300 million characters: refused as a whole (shared strings are held in memory: 48 MB inflated at most, 32 MB in the function)',
    'giant-shared.xlsx',
    (p) => giantSharedString(p),
    (o) => expect(o.message).toMatch(/共享字符串部分解压后超过 48 MB/),
    (o) => expect(o.message).toMatch(/共享字符串部分解压后超过 32 MB/),
  ],
  [
    'a shared string of 30 million characters: the row using it refused, the rest screened',
    'big-shared.xlsx',
    (p) => giantSharedString(p, 30 * MILLION),
    (o) => {
      expect(o).toMatchObject({ ok: true, rows: 2 });
      expect(o.refused!.map((r) => [r.row, r.messages])).toEqual([[2, [expect.stringMatching(tooLong(2))]]]);
    },
    (o) => expect(o).toMatchObject({ ok: true, rows: 2 }),
  ],
  [
    `${EMPTY_ROWS} empty rows after one enterprise (.xlsx): refused at the bound on empty rows, the file not read on`,
    'empty-rows.xlsx',
    (p) => emptyRows(p, EMPTY_ROWS),
    (o) => expect(o.message).toMatch(/空行超过 \d+ 行.*请删除空行/),
    (o) => expect(o.message).toMatch(/空行超过 \d+ 行.*请删除空行/),
  ],
  [
    `${EMPTY_ROWS} lines of commas after one enterprise (.csv): refused the same way`,
    'empty-rows.csv',
    (p) => blankCsvRows(p, EMPTY_ROWS),
    (o) => expect(o.message).toMatch(/空行超过 \d+ 行.*请删除空行/),
    (o) => expect(o.message).toMatch(/空行超过 \d+ 行.*请删除空行/),
  ],
  [
    'half a million enterprises in half a megabyte (.xlsx): the function refuses at its row limit without reading on (the CLI has no limit on data rows)',
    'many-rows.xlsx',
    (p) => manyRows(p, MILLION / 2),
    null,
    (o) => expect(o.message).toMatch(/名单超过 20000 行.*请把名单拆成几个文件/),
  ],
  [
    'a zip bomb declaring its 3 GB sheet: refused from the zip’s directory before inflating',
    'bomb.xlsx',
    (p) => zipBomb(p, 3000 * MILLION),
    (o) => expect(o.message).toMatch(/解压后超过 \d+ MB/),
    (o) => expect(o.message).toMatch(/解压后超过 \d+ MB/),
  ],
  [
    'a zip bomb declaring 1 MB for its 3 GB sheet: refused once the inflated bytes pass what it declared',
    'lying-bomb.xlsx',
    (p) => zipBomb(p, 3000 * MILLION, MILLION),
    (o) => expect(o.message).toMatch(/不是有效的 Excel 工作簿|与其声明的大小不符/),
    (o) => expect(o.message).toMatch(/不是有效的 Excel 工作簿|与其声明的大小不符/),
  ],
  [
    'a register with a 2 GB picture it never needs: screened, the picture never inflated',
    'big-picture.xlsx',
    (p) => bigUnusedPart(p, 2000 * MILLION),
    (o) => expect(o).toMatchObject({ ok: true, rows: 1, refused: [] }),
    (o) => expect(o).toMatchObject({ ok: true, rows: 1 }),
  ],
  [
    'a hidden first sheet (an old list): the first visible sheet is read',
    'hidden-first.xlsx',
    (p) =>
      writeZip(p, workbookParts([
        { name: '旧名单', state: 'hidden', part: plain('s', sheetXml(rowXml(1, ['序号', '旧企业']) + rowXml(2, ['1', '甲']))) },
        { name: '名单', part: registerSheet([enterprise('企业甲'), enterprise('企业乙')]) },
      ])),
    (o) => expect(o).toMatchObject({ ok: true, rows: 2, refused: [] }),
    (o) => expect(o).toMatchObject({ ok: true, rows: 2 }),
  ],
  [
    'merged cells in the rows (A3:A5, the name written once for three rows): refused naming the range',
    'merged.xlsx',
    (p) => writeRegisterZip(p, registerSheet([enterprise('企业甲'), enterprise('企业乙'), ['', '企业'], ['', '企业']], ['A3:A5'])),
    (o) => expect(o.message).toMatch(/A3:A5 是合并单元格.*请取消合并并逐格填写/),
    (o) => expect(o.message).toMatch(/A3:A5 是合并单元格.*请取消合并并逐格填写/),
  ],
];

const CASES = FILES.flatMap(([what, name, write, cli, cloud]) =>
  (
    [
      ['the CLI (screenFile)', 'cli', cli],
      ['the function’s open', 'cloud', cloud],
    ] as const
  )
    .filter(([, , says]) => says !== null)
    .map(([how, mode, says]) => [`${what} — ${how}`, name, write, mode, says!] as const),
);

describe('hostile and odd registers', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const written = new Set<string>();

  it.each(CASES)(`%s, in under ${SECONDS} s within ${PEAK_MB} MB`, (_what, name, write, mode, says) => {
    const file = join(tmp.dir, name);
    if (!written.has(name)) {
      write(file);
      written.add(name);
    }
    const o = run(mode, file, join(tmp.dir, `${mode}-result.xlsx`), tmp.dir);
    says(o);
    expect(o.cpuSeconds).toBeLessThan(SECONDS);
    expect(o.seconds).toBeLessThan(WALL_SECONDS);
    expect(o.peakRssMb).toBeLessThan(PEAK_MB);
  }, 120000);
});
