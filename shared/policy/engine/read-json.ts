/**
 * Bytes → text → JSON, with every refusal as one Chinese message that names the line and column:
 * `第 3 行第 15 列：缺少逗号或右括号「}」`. Used by the CLI (a profile file) and the local cloud
 * (a request body), so the same bytes get the same words in both.
 *
 *  - Bytes are read by readText (./read-text.ts), the one reading of every file a person hands us:
 *    UTF-8 with or without a BOM, UTF-16 with a BOM; anything else (GBK) is refused with its one
 *    message, naming the line and column. Text already decoded has a leading BOM dropped.
 *  - JSON is parsed by JSON.parse (RFC 8259, nothing more: no comments, no trailing commas).
 *    Only when it refuses does `locateJsonError` scan the text to find where and why — V8's own
 *    message is English and, depending on the Node version, has no position at all.
 *  - Lines are counted at \n, \r\n and \r; columns in characters (a Chinese character is one
 *    column), both from 1, after the BOM.
 *
 * No work at load time: cheap to bundle anywhere.
 * readJson takes bytes or text, parseJsonText text.
 */
import { fill } from './messages';
import { lineColumn, readText } from './read-text';

export { firstInvalidUtf8, lineColumn } from './read-text';

export type JsonReading = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

/** The reasons, in Chinese; `{}` placeholders are filled by `fill`. */
export const JSON_MSG = {
  empty: '内容为空',
  unexpectedEnd: '内容意外结束，缺少右括号「{closers}」',
  unexpectedEndInString: '内容意外结束：字符串缺少结束的双引号',
  missingValue: '此处缺少值',
  trailingComma: '多余的逗号：最后一项后面不能有逗号',
  missingCommaObject: '缺少逗号或右括号「}」',
  missingCommaArray: '缺少逗号或右括号「]」',
  missingColon: '属性名后缺少冒号「:」',
  keyNotQuoted: '属性名须加英文双引号，如 "version"',
  expectedKey: '此处应为属性名（加英文双引号的文字）',
  extra: 'JSON 已经结束，后面还有多余的内容',
  singleQuote: '须用英文双引号 "，不能用单引号',
  fullWidth: '使用了中文标点「{found}」，请改为英文的「{ascii}」',
  comment: 'JSON 不支持注释',
  stringNewline: '字符串缺少结束的双引号（字符串不能跨行）',
  stringControl: '字符串中不能直接出现控制字符 {code}（制表符请写成 \\t）',
  badEscape: '无效的转义「\\{char}」（反斜杠本身要写成 \\\\）',
  badUnicodeEscape: '无效的 \\u 转义：\\u 后须为 4 位十六进制数字',
  leadingZero: '数字不能以 0 开头（如 07 应写成 7）',
  noDigits: '「-」后缺少数字',
  noFraction: '小数点后缺少数字',
  noExponent: '指数部分缺少数字',
  plusSign: '数字前不能加「+」',
  leadingDot: '数字须以数字开头（如 .5 应写成 0.5）',
  word: '无法识别的「{word}」：文字须加英文双引号；true、false、null 须小写',
  text: '无法识别的「{word}」：文字须加英文双引号',
  invisible: '此处不应出现不可见字符 {code}',
  unexpected: '此处不应出现「{found}」',
  unknown: '无法按 JSON 读取',
} as const;

const at = (line: number, column: number, reason: string) => `第 ${line} 行第 ${column} 列：${reason}`;

/** Bytes (or text already decoded) → a JSON value, or one Chinese message naming line and column. */
export function readJson(input: Uint8Array | string): JsonReading {
  if (typeof input === 'string') return parseJsonText(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  const decoded = readText(input);
  if (!decoded.ok) return { ok: false, message: decoded.message, line: decoded.line, column: decoded.column };
  return parseJsonText(decoded.text);
}

/** Text (no BOM) → a JSON value, or the Chinese message for where and why it is not JSON. */
export function parseJsonText(text: string): JsonReading {
  if (/^[ \t\r\n]*$/.test(text)) return { ok: false, message: JSON_MSG.empty };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const problem = locateJsonError(text);
    if (!problem) return { ok: false, message: JSON_MSG.unknown };
    const { line, column } = lineColumn(text, problem.index);
    return { ok: false, message: at(line, column, problem.reason), line, column };
  }
}

const FULL_WIDTH: Record<string, string> = {
  '，': ',',
  '：': ':',
  '“': '"',
  '”': '"',
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
  '；': ',',
};

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isJsonSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const codeName = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Where and why `text` is not JSON: the first place a strict RFC 8259 reading fails (the grammar
 * JSON.parse implements), or null if it is JSON after all. Iterative: any depth of nesting.
 */
export function locateJsonError(text: string): { index: number; reason: string } | null {
  const n = text.length;
  const open: number[] = []; // 0x7b '{' or 0x5b '['
  let i = 0;
  let comma = -1; // index of the comma just read, for trailing commas
  const fail = (index: number, reason: string) => ({ index, reason });
  const space = () => {
    while (i < n && isJsonSpace(text.charCodeAt(i))) i += 1;
  };
  const endOfInput = () => {
    const closers = open.map((o) => (o === 0x7b ? '}' : ']')).reverse();
    return fail(n, fill(JSON_MSG.unexpectedEnd, { closers: closers.length > 8 ? `${closers.slice(0, 8).join('')}…` : closers.join('') }));
  };

  /** Something that cannot start what is expected here: name it as helpfully as possible. */
  const stray = (index: number, inValue: boolean) => {
    const ch = String.fromCodePoint(text.codePointAt(index)!);
    const c = text.charCodeAt(index);
    if (FULL_WIDTH[ch]) return fail(index, fill(JSON_MSG.fullWidth, { found: ch, ascii: FULL_WIDTH[ch] }));
    if (c === 0x27) return fail(index, JSON_MSG.singleQuote);
    if (c === 0x2f && (text[index + 1] === '/' || text[index + 1] === '*')) return fail(index, JSON_MSG.comment);
    if (c < 0x20 || c === 0x7f || /\s|[\u200b-\u200f\u2060\ufeff]/.test(ch)) return fail(index, fill(JSON_MSG.invisible, { code: codeName(c) }));
    if (inValue) {
      if (c === 0x2b) return fail(index, JSON_MSG.plusSign);
      if (c === 0x2e) return fail(index, JSON_MSG.leadingDot);
      if (/^[\p{L}\p{N}_$]/u.test(ch)) {
        const word = /^[^\s{}[\],:"]+/.exec(text.slice(index, index + 40))![0];
        const shown = word.length > 20 ? `${word.slice(0, 20)}…` : word;
        return fail(index, fill(/^[A-Za-z]/.test(word) ? JSON_MSG.word : JSON_MSG.text, { word: shown }));
      }
    }
    return fail(index, fill(JSON_MSG.unexpected, { found: ch }));
  };

  /** A string starting at text[i] === '"'; leaves i after the closing quote. */
  const string = () => {
    i += 1;
    for (;;) {
      if (i >= n) return fail(n, JSON_MSG.unexpectedEndInString);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i += 1;
        return null;
      }
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (i + 1 >= n) return fail(n, JSON_MSG.unexpectedEndInString);
        if (e === 0x75) {
          for (let k = 2; k <= 5; k++) if (!isHex(text.charCodeAt(i + k))) return fail(i, JSON_MSG.badUnicodeEscape);
          i += 6;
        } else if ('"\\/bfnrt'.includes(text[i + 1])) {
          i += 2;
        } else {
          return fail(i, fill(JSON_MSG.badEscape, { char: String.fromCodePoint(text.codePointAt(i + 1)!) }));
        }
        continue;
      }
      if (c === 0x0a || c === 0x0d) return fail(i, JSON_MSG.stringNewline);
      if (c < 0x20) return fail(i, fill(JSON_MSG.stringControl, { code: codeName(c) }));
      i += 1;
    }
  };

  /** A number starting at text[i] ('-' or a digit); leaves i after it. */
  const number = () => {
    const start = i;
    if (text.charCodeAt(i) === 0x2d) {
      i += 1;
      if (!isDigit(text.charCodeAt(i))) return fail(start, JSON_MSG.noDigits);
    }
    if (text.charCodeAt(i) === 0x30) {
      i += 1;
      if (isDigit(text.charCodeAt(i))) return fail(start, JSON_MSG.leadingZero);
    } else {
      while (isDigit(text.charCodeAt(i))) i += 1;
    }
    if (text.charCodeAt(i) === 0x2e) {
      i += 1;
      if (!isDigit(text.charCodeAt(i))) return fail(i, JSON_MSG.noFraction);
      while (isDigit(text.charCodeAt(i))) i += 1;
    }
    if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
      i += 1;
      if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i += 1;
      if (!isDigit(text.charCodeAt(i))) return fail(i, JSON_MSG.noExponent);
      while (isDigit(text.charCodeAt(i))) i += 1;
    }
    return null;
  };

  // States: a value is expected / a property name is expected / a value has just ended.
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    space();
    if (state === 'value') {
      if (i >= n) return endOfInput();
      const c = text.charCodeAt(i);
      if (c === 0x7b || c === 0x5b) {
        open.push(c);
        i += 1;
        space();
        if (text.charCodeAt(i) === c + 2) {
          // '{' + 2 = '}', '[' + 2 = ']': empty
          open.pop();
          i += 1;
          state = 'after';
        } else {
          state = c === 0x7b ? 'key' : 'value';
        }
        comma = -1;
        continue;
      }
      let problem: { index: number; reason: string } | null = null;
      const literal = /^(true|false|null)(?![\p{L}\p{N}_$])/u.exec(text.slice(i, i + 6));
      if (c === 0x22) problem = string();
      else if (c === 0x2d || isDigit(c)) problem = number();
      else if (literal) i += literal[1].length;
      else if (c === 0x7d || c === 0x5d) problem = comma >= 0 ? fail(comma, JSON_MSG.trailingComma) : fail(i, JSON_MSG.missingValue);
      else if (c === 0x2c || c === 0x3a) problem = fail(i, JSON_MSG.missingValue);
      else problem = stray(i, true); // `True`, `trueish`, `undefined`, unquoted text, …
      if (problem) return problem;
      state = 'after';
      continue;
    }
    if (state === 'key') {
      if (i >= n) return endOfInput();
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        const problem = string();
        if (problem) return problem;
        space();
        if (i >= n) return endOfInput();
        if (text.charCodeAt(i) !== 0x3a) {
          if (text[i] === '：') return stray(i, false);
          return fail(i, JSON_MSG.missingColon);
        }
        i += 1;
        comma = -1;
        state = 'value';
        continue;
      }
      if (c === 0x7d && comma >= 0) return fail(comma, JSON_MSG.trailingComma);
      if (/^[\p{L}_$]/u.test(text.slice(i, i + 2))) return fail(i, JSON_MSG.keyNotQuoted);
      if (c === 0x27 || FULL_WIDTH[text[i]] || c === 0x2f || c < 0x20 || /\s/.test(text[i])) return stray(i, false);
      return fail(i, JSON_MSG.expectedKey);
    }
    // after a value
    if (open.length === 0) {
      if (i >= n) return null;
      return text.charCodeAt(i) === 0x2f && /[/*]/.test(text[i + 1] ?? '') ? stray(i, false) : fail(i, JSON_MSG.extra);
    }
    if (i >= n) return endOfInput();
    const c = text.charCodeAt(i);
    const top = open[open.length - 1];
    if (c === 0x2c) {
      comma = i;
      i += 1;
      state = top === 0x7b ? 'key' : 'value';
      continue;
    }
    if (c === top + 2) {
      open.pop();
      i += 1;
      continue;
    }
    if (FULL_WIDTH[text[i]] || c === 0x2f || c === 0x27) return stray(i, false);
    return fail(i, top === 0x7b ? JSON_MSG.missingCommaObject : JSON_MSG.missingCommaArray);
  }
}
