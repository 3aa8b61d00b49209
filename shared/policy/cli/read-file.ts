/**
 * A file named on a command line (`npm run admin -- import`, `npm run calc`, `npm run screen`):
 * found from where the person ran the command, read through readText (../read-text.ts, the one
 * reading the pages and the functions share), every refusal a Chinese message naming the path.
 * Node only (the CLIs); the pure parts live in read-text.ts.
 * fromStart resolves a path from startDir; readFileText reads it.
 */
import { readFileSync } from 'fs';
import { isAbsolute, resolve } from 'path';
import { fileErrorMessage, readText } from '../engine';

/**
 * Where a relative path starts: npm runs scripts in the package root, and sets INIT_CWD to the
 * folder the command was typed in; run without npm, the current folder.
 */
export function startDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

/** `path` as the person meant it: relative to startDir(). */
export function fromStart(path: string, cwd = startDir()): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** The file's bytes, or its error in Chinese (找不到文件：…, 这是一个文件夹…, 没有权限…). */
export function readFileBytes(path: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  try {
    return { ok: true, bytes: readFileSync(path) };
  } catch (err) {
    return { ok: false, message: fileErrorMessage(err, path) };
  }
}

/** The file's text (readText), or one Chinese message naming the path. */
export function readFileText(path: string): { ok: true; text: string } | { ok: false; message: string } {
  const read = readFileBytes(path);
  if (!read.ok) return read;
  const text = readText(read.bytes);
  return text.ok ? { ok: true, text: text.text } : { ok: false, message: `${path}：${text.message}` };
}
