/**
 * The local cloud's file storage, in place of WeChat cloud storage: files under
 * `<dataDir>/files/<server>/`, file id `local:<server>/<cloudPath>`, served at
 * `${serverUrl}/files/<server>/<cloudPath>` (GET/HEAD). `<server>` is the server's host and port
 * ('127.0.0.1-10086'): a local code holds the server's own address, so a server started on another
 * port finds its earlier files gone (urlOf → null) and `qrcode` makes them again. Only what the
 * functions store is served: `qrcode`'s PNG files, and `screen`'s .xlsx files (the template at
 * templates (isTemplatePath), outside every user's folder, and results),
 * under names of letters, digits, `_`, `-` and `.` (no segment starting with a dot, so no `..`);
 * anything else is 404, never a file outside the folder. What is uploaded arrives through
 * ./upload.ts.
 *
 * Exports: FILES_ROUTE, LOCAL_FILE_ID_PREFIX, FILES_CACHE_CONTROL, SCREEN_FILES_CACHE_CONTROL, LocalFiles.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { FileStore } from '../shared/cloud/context';
import { isTemplatePath } from '../shared/cloud/handlers/screen';
import { textAnswer, type Answer } from './replies';

export const FILES_ROUTE = '/files/';
export const LOCAL_FILE_ID_PREFIX = 'local:';
/** Relative paths the store accepts: segments of [A-Za-z0-9_.-], none starting with a dot. */
const CLOUD_PATH = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;
const MAX_PATH = 200;
/**
 * A stored name is a hash of what the file holds (qrcodeCacheKey: page, scene, version, width)
 * under the server that made it, so a name always holds the same picture: browsers may keep it a year.
 */
export const FILES_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** A register's result or the template: never kept by a browser (it can be deleted, or written again). */
export const SCREEN_FILES_CACHE_CONTROL = 'no-store';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class LocalFiles implements FileStore {
  readonly dir: string;
  private readonly serverUrl: () => string;

  /** `serverUrl`: the server's base URL, known once it listens. */
  constructor(dir: string, serverUrl: () => string) {
    this.dir = path.resolve(dir);
    this.serverUrl = serverUrl;
  }

  /** The file of a cloud path inside the folder, or null for a path the store does not accept. */
  fileOf(cloudPath: string): string | null {
    if (typeof cloudPath !== 'string' || cloudPath.length > MAX_PATH || !CLOUD_PATH.test(cloudPath)) return null;
    const file = path.resolve(this.dir, cloudPath);
    return file.startsWith(this.dir + path.sep) ? file : null;
  }

  /** This server's folder: its host and port, as file names allow ('127.0.0.1-10086'). */
  private scope(): string {
    return new URL(this.serverUrl()).host.replace(/[^A-Za-z0-9_.-]/g, '-');
  }

  async put(name: string, content: Uint8Array): Promise<{ fileID: string }> {
    const cloudPath = `${this.scope()}/${name}`;
    const file = this.fileOf(cloudPath);
    if (!file) throw new Error(`local files: invalid cloud path ${JSON.stringify(cloudPath)}`);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    // Written aside, then renamed: a reader never sees half a file. The temp name is random, so
    // concurrent writes of one file (duplicate chunk calls) never share it (issue 25, item 7:
    // `<file>.<pid>.<Date.now()>.tmp` collided within a millisecond — 33 of 45 calls answered 500).
    const tmp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
    await fsp.writeFile(tmp, content);
    await fsp.rename(tmp, file);
    return { fileID: `${LOCAL_FILE_ID_PREFIX}${cloudPath}` };
  }

  /** The file of one of this server's file ids, or null. */
  private fileOfId(fileID: string): { cloudPath: string; file: string } | null {
    if (typeof fileID !== 'string' || !fileID.startsWith(LOCAL_FILE_ID_PREFIX)) return null;
    const cloudPath = fileID.slice(LOCAL_FILE_ID_PREFIX.length);
    // Made by this server at another address: its code points there — as good as gone.
    if (!cloudPath.startsWith(`${this.scope()}/`)) return null;
    const file = this.fileOf(cloudPath);
    return file ? { cloudPath, file } : null;
  }

  async urlOf(fileID: string): Promise<string | null> {
    const at = this.fileOfId(fileID);
    if (!at || !(await isFile(at.file))) return null;
    return `${this.serverUrl()}${FILES_ROUTE}${at.cloudPath}`;
  }

  async get(fileID: string): Promise<Uint8Array | null> {
    const at = this.fileOfId(fileID);
    return at ? readIfFile(at.file) : null;
  }

  async remove(fileIDs: string[]): Promise<void> {
    for (const id of fileIDs) {
      const at = this.fileOfId(id);
      if (at) await fsp.rm(at.file, { force: true });
    }
  }

  /**
   * The answer to GET/HEAD `/files/<cloudPath>` (`pathname` as requested, still URL-encoded): a
   * stored PNG, or `screen`'s template and results (an uploaded register is never served); 404
   * for anything else.
   */
  async answer(pathname: string): Promise<Answer> {
    let cloudPath: string;
    try {
      cloudPath = decodeURIComponent(pathname.slice(FILES_ROUTE.length));
    } catch {
      return textAnswer(404, 'Not Found');
    }
    const png = cloudPath.endsWith('.png');
    const parts = cloudPath.split('/');
    const inScope = parts.slice(1).join('/');
    const xlsx = isTemplatePath(inScope) || (parts[1] === 'screen' && parts[parts.length - 1] === 'result.xlsx');
    const file = png || xlsx ? this.fileOf(cloudPath) : null;
    const body = file ? await readIfFile(file) : null;
    if (!body) return textAnswer(404, 'Not Found');
    const headers = {
      'Content-Type': png ? 'image/png' : XLSX_TYPE,
      'Cache-Control': png ? FILES_CACHE_CONTROL : SCREEN_FILES_CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
    };
    return { status: 200, headers, body };
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fsp.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function readIfFile(file: string): Promise<Buffer | null> {
  return (await isFile(file)) ? fsp.readFile(file) : null;
}
