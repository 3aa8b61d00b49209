/**
 * shared/policy/engine/read-json.ts: bytes → text → JSON with Chinese messages naming line and column.
 * JSON.parse decides what is JSON; the locator only says where and why, so the properties check
 * that the two never disagree, and that the UTF-8 check agrees with TextDecoder's fatal mode.
 */
import fc from 'fast-check';
import { firstInvalidUtf8, lineColumn, locateJsonError, parseJsonText, readJson, readText, TEXT_MSG } from '../../../shared/policy/engine';

/** readText's one message for bytes that are not UTF-8, from this line and column. */
const notUtf8 = (line: number, column: number) => TEXT_MSG.notUtf8.replace('{line}', String(line)).replace('{column}', String(column));

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const fatal = new TextDecoder('utf-8', { fatal: true });
const decodes = (bytes: Uint8Array) => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const message = (input: Uint8Array | string) => {
  const r = readJson(input);
  return r.ok ? 'OK' : r.message;
};

describe('readJson: where and why, in Chinese', () => {
  it.each([
    ['{\n  "version": 1\n  "entity": "park"\n}', '第 3 行第 3 列：缺少逗号或右括号「}」'],
    ['[1 2]', '第 1 行第 4 列：缺少逗号或右括号「]」'],
    ['{\n  "version": 1,\n}', '第 2 行第 15 列：多余的逗号：最后一项后面不能有逗号'],
    ['[1, 2, ]', '第 1 行第 6 列：多余的逗号：最后一项后面不能有逗号'],
    ['{"entity": "park\n}', '第 1 行第 17 列：字符串缺少结束的双引号（字符串不能跨行）'],
    ['{"entity": "park', '第 1 行第 17 列：内容意外结束：字符串缺少结束的双引号'],
    ['{"a": [1, {"b": 2', '第 1 行第 18 列：内容意外结束，缺少右括号「}]}」'],
    ['{"a" 1}', '第 1 行第 6 列：属性名后缺少冒号「:」'],
    ['{version: 1}', '第 1 行第 2 列：属性名须加英文双引号，如 "version"'],
    ["{'version': 1}", '第 1 行第 2 列：须用英文双引号 "，不能用单引号'],
    ['{"a":}', '第 1 行第 6 列：此处缺少值'],
    ['[1,,2]', '第 1 行第 4 列：此处缺少值'],
    ['{,}', '第 1 行第 2 列：此处应为属性名（加英文双引号的文字）'],
    ['{"a": True}', '第 1 行第 7 列：无法识别的「True」：文字须加英文双引号；true、false、null 须小写'],
    ['{"a": undefined}', '第 1 行第 7 列：无法识别的「undefined」：文字须加英文双引号；true、false、null 须小写'],
    ['{"entity": 企业}', '第 1 行第 12 列：无法识别的「企业」：文字须加英文双引号'],
    ['{"a": 01}', '第 1 行第 7 列：数字不能以 0 开头（如 07 应写成 7）'],
    ['{"a": .5}', '第 1 行第 7 列：数字须以数字开头（如 .5 应写成 0.5）'],
    ['{"a": +5}', '第 1 行第 7 列：数字前不能加「+」'],
    ['{"a": -}', '第 1 行第 7 列：「-」后缺少数字'],
    ['{"a": 5.}', '第 1 行第 9 列：小数点后缺少数字'],
    ['{"a": 5e}', '第 1 行第 9 列：指数部分缺少数字'],
    ['{"a": "x\ty"}', '第 1 行第 9 列：字符串中不能直接出现控制字符 U+0009（制表符请写成 \\t）'],
    ['{"a": "C:\\dir"}', '第 1 行第 10 列：无效的转义「\\d」（反斜杠本身要写成 \\\\）'],
    ['{"a": "\\u12"}', '第 1 行第 8 列：无效的 \\u 转义：\\u 后须为 4 位十六进制数字'],
    ['{"a"：1}', '第 1 行第 5 列：使用了中文标点「：」，请改为英文的「:」'],
    ['{"a": 1，"b": 2}', '第 1 行第 8 列：使用了中文标点「，」，请改为英文的「,」'],
    ['{"a": “x”}', '第 1 行第 7 列：使用了中文标点「“」，请改为英文的「"」'],
    ['{"a": 1} // 注释', '第 1 行第 10 列：JSON 不支持注释'],
    ['{"a": 1}}', '第 1 行第 9 列：JSON 已经结束，后面还有多余的内容'],
    ['\u3000{}', '第 1 行第 1 列：此处不应出现不可见字符 U+3000'],
    ['', '内容为空'],
    [' \r\n\t', '内容为空'],
  ])('%j → %s', (text, expected) => {
    expect(message(text)).toBe(expected);
  });

  it('counts lines at \\n, \\r\\n and \\r, and columns in characters (a Chinese character or an emoji is one)', () => {
    expect(message('{\r\n"a": 1\r\n"b": 2}')).toBe('第 3 行第 1 列：缺少逗号或右括号「}」');
    expect(message('{\r"a": 1\r"b": 2}')).toBe('第 3 行第 1 列：缺少逗号或右括号「}」');
    expect(message('{"名称😀": x}')).toBe('第 1 行第 9 列：无法识别的「x」：文字须加英文双引号；true、false、null 须小写');
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('a\r\nb', 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn('', 0)).toEqual({ line: 1, column: 1 });
  });

  it('gives the line and column apart from the message', () => {
    expect(parseJsonText('{\n  "a": 1\n  "b": 2\n}')).toEqual({ ok: false, message: '第 3 行第 3 列：缺少逗号或右括号「}」', line: 3, column: 3 });
  });

  it('any depth of nesting: no stack overflow, and the list of missing brackets is cut short', () => {
    expect(message('['.repeat(200_000))).toBe('第 1 行第 200001 列：内容意外结束，缺少右括号「]]]]]]]]…」');
    expect(message(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`)).toBe('OK');
  });
});

describe('readJson: bytes', () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('drops a UTF-8 BOM, from bytes and from text, and counts columns without it', () => {
    expect(readJson(bytes([0xef, 0xbb, 0xbf], '{"a": 1}'))).toEqual({ ok: true, value: { a: 1 } });
    expect(readJson('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(message(bytes([0xef, 0xbb, 0xbf], '{"a" 1}'))).toBe('第 1 行第 6 列：属性名后缺少冒号「:」');
    // Only a leading BOM is dropped; another one is a stray character.
    expect(message('\ufeff\ufeff{}')).toBe('第 1 行第 1 列：此处不应出现不可见字符 U+FEFF');
  });

  // Issue 25, item 5: the message of readText, the one reading of every file (the page, the CLIs and the functions say the same).
  it('names the line and column of the first invalid byte, in readText\'s one message', () => {
    expect(message(bytes('{"城市":\n  "', [0xc8], '"}'))).toBe(notUtf8(2, 4));
    expect(message(bytes([0xef, 0xbb, 0xbf], '"', [0xff], '"'))).toBe(notUtf8(1, 2));
    // Overlong, surrogate, too large, truncated.
    expect(message(bytes('"', [0xc0, 0xaf], '"'))).toBe(notUtf8(1, 2));
    expect(message(bytes('"', [0xed, 0xa0, 0x80], '"'))).toBe(notUtf8(1, 2));
    expect(message(bytes('"', [0xf4, 0x90, 0x80, 0x80], '"'))).toBe(notUtf8(1, 2));
    expect(message(bytes('"', [0xe4, 0xb8]))).toBe(notUtf8(1, 2));
  });

  it.each([
    ['little-endian', 'utf16le' as const],
    ['big-endian', 'utf16be' as const],
  ])('reads a UTF-16 %s file with its BOM (Windows "Unicode")', (_, encoding) => {
    const le = Buffer.from('\ufeff{"城市": "赤峰市"}', 'utf16le');
    expect(readJson(encoding === 'utf16le' ? le : Buffer.from(le).swap16())).toEqual({ ok: true, value: { 城市: '赤峰市' } });
  });

  it('keeps -0 as JSON.parse reads it (the schema decides what a zero amount is)', () => {
    const r = readJson('{"a": -0}');
    expect(r.ok && Object.is((r.value as { a: number }).a, -0)).toBe(true);
  });
});

describe('properties', () => {
  /** Text made mostly of JSON's own characters, so that near-JSON is common. */
  const jsonish = fc
    .array(
      fc.oneof(
        fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\r', '\t', '-', '+', '.', 'e', 'E', '0', '1', '9', 'u', 'a', 'F'),
        fc.constantFrom('true', 'false', 'null', 'tru', '"a"', '"\\u00e9"', '1.5', '-0', '1e5', '，', '：', "'", '/', '//', '\u3000', '\ufeff', '\u0001', '企'),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  /** Valid JSON with one character deleted, inserted or replaced. */
  const mutated = fc
    .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(',', '}', ']', '"', ':', ' ', 'x', '0', '\n', '{'))
    .map(([json, at, how, ch]) => {
      const i = json.length === 0 ? 0 : at % json.length;
      if (how === 'delete') return json.slice(0, i) + json.slice(i + 1);
      if (how === 'insert') return json.slice(0, i) + ch + json.slice(i);
      return json.slice(0, i) + ch + json.slice(i + 1);
    });

  it('the locator finds an error exactly when JSON.parse refuses, within the text', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, mutated, fc.json(), fc.string()), (text) => {
        const problem = locateJsonError(text);
        expect(problem === null).toBe(isJson(text));
        if (problem) {
          expect(problem.index).toBeGreaterThanOrEqual(0);
          expect(problem.index).toBeLessThanOrEqual(text.length);
          expect(problem.reason).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('parseJsonText accepts what JSON.parse accepts, with the same value, and refuses the rest in Chinese', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, mutated, fc.json()), (text) => {
        const r = parseJsonText(text);
        if (isJson(text)) expect(r).toEqual({ ok: true, value: JSON.parse(text) });
        else expect(r.ok ? '' : r.message).toMatch(/^(第 \d+ 行第 \d+ 列：)?[^\s].*[\u4e00-\u9fff]/);
      }),
      { numRuns: 3000 },
    );
  });

  it('the UTF-8 check agrees with TextDecoder (fatal) on any bytes, and decodes the same text', () => {
    const anyBytes = fc.uint8Array({ maxLength: 24 });
    const nearUtf8 = fc
      .tuple(fc.string({ unit: 'binary', maxLength: 10 }), fc.nat(), fc.integer({ min: 0, max: 255 }))
      .map(([s, at, b]) => {
        const u = Buffer.from(s, 'utf8');
        if (u.length > 0) u[at % u.length] = b;
        return new Uint8Array(u);
      });
    fc.assert(
      fc.property(fc.oneof(anyBytes, nearUtf8), (bytes) => {
        const bad = firstInvalidUtf8(bytes);
        expect(bad < 0).toBe(decodes(bytes));
        if (bad >= 0) expect(decodes(bytes.subarray(0, bad))).toBe(true);
        const d = readText(bytes);
        const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
        let text: string | null = null;
        try {
          text = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8', { fatal: true }).decode(bytes);
        } catch {
          // not well-formed
        }
        if (!utf16) expect(text !== null).toBe(bad < 0);
        if (text !== null && !/[\u0000\uFFFD]/.test(text)) expect(d).toMatchObject({ ok: true, text });
        else expect(d.ok).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});
