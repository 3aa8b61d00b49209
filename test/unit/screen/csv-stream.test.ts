/**
 * A .csv is decoded as it streams from the file (issue 27, item 5: no longer read whole), and says
 * what readText — the one reading of a file (read-text.ts) — says of the same bytes: GBK and NUL
 * refused with readText's words at readText's line and column, even past the first chunk; UTF-16
 * with a BOM read to the same rows as UTF-8; a character whose bytes straddle two chunks read whole.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { readText } from '../../../shared/policy/engine';
import { readTable } from '../../../shared/policy/screening';
import { tempDir } from './support';

const CHUNK = 1 << 16;
const lines = (n: number) => Array.from({ length: n }, (_, i) => `企业${i + 1},企业,是`).join('\n');

/** A register whose 企 (3 bytes) starts one byte before the end of the first chunk it is read in. */
function straddling(): Buffer {
  const header = Buffer.from('名称,主体类型,是否为中小企业\n', 'utf8');
  const filler = 'x'.repeat(CHUNK - 1 - header.length - 1);
  const bytes = Buffer.concat([header, Buffer.from(`${filler},企业,是\n${lines(5000)}\n`, 'utf8')]);
  if (bytes.subarray(CHUNK - 1, CHUNK + 2).toString('utf8') !== '企') throw new Error('not straddling');
  return bytes;
}

async function rows(file: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of readTable(file)) out.push(r.cells);
  return out;
}

async function refusal(file: string): Promise<string> {
  try {
    await rows(file);
  } catch (e) {
    return (e as Error).message;
  }
  return 'read';
}

describe('a .csv read as it streams', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const utf8 = Buffer.from(`名称,主体类型,是否为中小企业\n${lines(5000)}\n`, 'utf8');

  it.each([
    ['GBK bytes on line 4000 (past the first chunk)', Buffer.concat([Buffer.from(`名称,主体类型\n${lines(3998)}\n甲乙,`, 'utf8'), Buffer.from([0xc3, 0xfb, 0x0a])])],
    ['a NUL on line 3000', Buffer.from(`名称,主体类型\n${lines(2998)}\n企业甲,\u0000\n`, 'utf8')],
    ['GBK bytes on line 1, column 1', Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x0a])],
  ])('%s: refused with readText’s words, line and column', async (_, bytes) => {
    const file = join(tmp.dir, 'bad.csv');
    writeFileSync(file, bytes);
    const read = readText(bytes);
    expect(read.ok).toBe(false);
    expect(await refusal(file)).toBe(`无法读取 CSV 文件 ${file}：${!read.ok && read.message}`);
  });

  it.each([
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString('utf8'), 'utf16le')])],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf8.toString('utf8'), 'utf16le').swap16()])],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])],
    // 企 (3 bytes) placed so that its bytes straddle the end of the first chunk the file is read in
    ['UTF-8 with a character split between two chunks', straddling()],
  ])('%s: the same rows as UTF-8', async (what, bytes) => {
    const file = join(tmp.dir, 'good.csv');
    writeFileSync(file, bytes);
    writeFileSync(join(tmp.dir, 'plain.csv'), what.includes('split') ? Buffer.from(readText(bytes).ok ? (readText(bytes) as { text: string }).text : '', 'utf8') : utf8);
    const got = await rows(file);
    expect(got).toEqual(await rows(join(tmp.dir, 'plain.csv')));
    expect(got.flat().join('')).not.toContain('\uFFFD');
    expect(got).toHaveLength(5001 + (what.includes('split') ? 1 : 0));
  });
});
