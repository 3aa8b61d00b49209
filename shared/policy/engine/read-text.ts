/**
 * The one reading of a file a person hands us: its bytes → text, or one Chinese message. Every door
 * reads through it — the import page (WeChat and browser), `npm run admin -- import`, `npm run calc`,
 * `npm run screen` (and the `screen` function) — and the `deadlines.import` function, which receives
 * text decoded by its caller, checks that text the same way (checkText), so a file gets the same
 * words wherever it comes in (issue 25, item 5: a GBK CSV imported by the CLI stored '�������' titles).
 *
 *  - A UTF-8 BOM (Excel's「CSV UTF-8」writes one) is dropped; UTF-16LE/BE with a BOM (Windows
 *    "Unicode" text, Excel's「Unicode 文本」) is decoded.
 *  - Anything else must be well-formed UTF-8. GBK — Excel's plain「CSV（逗号分隔）」on a Chinese
 *    Windows — is refused, never guessed: TextDecoder('gbk') is not in WeChat's JS core, so not every
 *    door could decode it, and a file must read the same everywhere.
 *  - Text holding U+FFFD (what a decoder leaves for bytes it could not read) or NUL (UTF-16 without
 *    a BOM, or not a text file) is refused with the same message as the bytes would have been.
 *
 * Decoded by hand: no TextDecoder (not in every WeChat JS core), no Node built-ins (this runs in the
 * mini-program too). `fileErrorMessage` and `printable` serve the CLIs: a file error in Chinese
 * naming the path, and text from a file made safe to print on a terminal.
 * readText is the reading (TEXT_MSG its messages); firstInvalidUtf8 and lineColumn place a refusal;
 * encodingOf (the TextEncoding a file's first bytes say) and badCharacter (the first U+FFFD or NUL) are
 * its two decisions, shared with the screening reader that decodes a .csv as it streams.
 */

import { fill } from './messages';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type TextReading =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; message: string; line: number; column: number };

export const TEXT_MSG = {
  notUtf8:
    '文件不是 UTF-8 编码（可能是 GBK），从第 {line} 行第 {column} 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」',
  nul: '文件第 {line} 行第 {column} 列有空字符，不是文本文件（或是不带 BOM 的 UTF-16）。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」',
  badUtf16: '文件是 UTF-16 编码，但从第 {line} 行第 {column} 列起内容不完整。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」',
} as const;

function refuse(template: string, before: string): TextReading {
  const { line, column } = lineColumn(before, before.length);
  return { ok: false, message: fill(template, { line, column }), line, column };
}

/** The encoding a file's first bytes say (a UTF-16 BOM, else UTF-8), and its BOM's length in bytes (0 without one). */
export function encodingOf(bytes: Uint8Array): { encoding: TextEncoding; bom: number } {
  const [b0, b1, b2] = bytes;
  if (bytes.length >= 2 && ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))) return { encoding: b0 === 0xff ? 'utf-16le' : 'utf-16be', bom: 2 };
  return { encoding: 'utf-8', bom: bytes.length >= 3 && b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0 };
}

/** A file's bytes → its text (BOM dropped), or the one message for a file that is not UTF-8 text. */
export function readText(bytes: Uint8Array): TextReading {
  const { encoding, bom } = encodingOf(bytes);
  if (encoding !== 'utf-8') return decodeUtf16(bytes.subarray(bom), encoding === 'utf-16le');
  const body = bytes.subarray(bom);
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) return refuse(TEXT_MSG.notUtf8, utf8Text(body.subarray(0, bad)));
  return checked(utf8Text(body), 'utf-8');
}

/**
 * Text decoded by someone else (a request's `text`): refused with readText's message when the
 * decoding went wrong (U+FFFD) or it holds NUL; a leading BOM is dropped.
 */
export function checkText(text: string): TextReading {
  return checked(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'utf-8');
}

/** The first character a decoder could not read (U+FFFD) or NUL in `text`: its message and index; undefined when there is none. */
export function badCharacter(text: string): { template: string; at: number } | undefined {
  const replaced = text.indexOf('\uFFFD');
  const nul = text.indexOf('\u0000');
  if (replaced >= 0 && (nul < 0 || replaced < nul)) return { template: TEXT_MSG.notUtf8, at: replaced };
  if (nul >= 0) return { template: TEXT_MSG.nul, at: nul };
  return undefined;
}

function checked(text: string, encoding: TextEncoding): TextReading {
  const bad = badCharacter(text);
  return bad ? refuse(bad.template, text.slice(0, bad.at)) : { ok: true, text, encoding };
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): TextReading {
  const units: number[] = [];
  const n = bytes.length - (bytes.length % 2);
  for (let i = 0; i < n; i += 2) units.push(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  // Well-formed: every high surrogate followed by a low one, no low one alone, no odd byte at the end.
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const high = u >= 0xd800 && u <= 0xdbff;
    const low = u >= 0xdc00 && u <= 0xdfff;
    if (low || (high && !(units[i + 1] >= 0xdc00 && units[i + 1] <= 0xdfff))) return refuse(TEXT_MSG.badUtf16, fromUnits(units.slice(0, i)));
    if (high) i += 1;
  }
  const text = fromUnits(units);
  if (n !== bytes.length) return refuse(TEXT_MSG.badUtf16, text);
  return checked(text, littleEndian ? 'utf-16le' : 'utf-16be');
}

function fromUnits(units: number[]): string {
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode(...units.slice(i, i + 8192));
  return s;
}

/** Well-formed UTF-8 (checked by firstInvalidUtf8) → text. */
function utf8Text(bytes: Uint8Array): string {
  const units: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i += 1;
    } else if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      i += 3;
    } else {
      cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      i += 4;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else units.push(cp);
  }
  return fromUnits(units);
}

/**
 * Index of the first byte that does not start (or continue) a well-formed UTF-8 sequence, or -1.
 * Well-formed as in the Unicode standard (table 3-7) — what TextDecoder's fatal mode accepts:
 * no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = i + k < n ? bytes[i + k] : -1;
      if (c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/** Line and column (both from 1) of the character at `index`: lines end at \n, \r\n or \r. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line += 1;
      column = 1;
    } else if (c === 0x0d) {
      // \r of \r\n: the \n ends the line
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < index && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // a surrogate pair is one character
    } else {
      column += 1;
    }
  }
  return { line, column };
}

/**
 * A file that could not be read (Node's error codes), in Chinese naming the path. Takes the error
 * only, so it needs no Node module.
 */
export function fileErrorMessage(err: unknown, path: string): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `找不到文件：${path}`;
    case 'EISDIR':
      return `这是一个文件夹，不是文件：${path}`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读取文件：${path}`;
    case 'ENOTDIR':
      return `路径中有一段不是文件夹：${path}`;
    default:
      return `无法读取文件：${path}${typeof code === 'string' ? `（${code}）` : ''}`;
  }
}

// C0 controls, DEL, C1 controls (ESC starts every terminal escape sequence; C1's CSI is one byte),
// and the bidirectional overrides/isolates that reorder what a terminal shows.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Text for a terminal: every control character shown as a visible escape (ESC → `\x1b`, so
 * `ESC[31m` from a header cell prints as `\x1b[31m` instead of turning the terminal red).
 * `keepLines`: \n and \t are left as they are — for a CLI's whole output, whose own lines they are;
 * a value from a file is escaped without it.
 */
export function printable(text: string, options: { keepLines?: boolean } = {}): string {
  return text.replace(options.keepLines ? CONTROLS_KEEP_LINES : CONTROLS, escape);
}
