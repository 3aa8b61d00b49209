/**
 * Files in WeChat cloud storage (wxFiles: the FileStore over the WxStorage calls of wx-server-sdk):
 *  - `cloud.uploadFile({ cloudPath, fileContent: Buffer })` → `{ fileID }` (the same cloudPath
 *    again replaces the file);
 *  - `cloud.getTempFileURL({ fileList: [fileID] })` → `{ fileList: [{ fileID, tempFileURL, status }] }`,
 *    where a status ≠ 0 (or no URL) means the file is not there (deleted in the console, say);
 *  - `cloud.downloadFile({ fileID })` → `{ fileContent: Buffer }` (throws when the file is not there);
 *  - `cloud.deleteFile({ fileList: [fileID…] })` → `{ fileList: [{ fileID, status, errMsg }] }` (≤ 50 per
 *    call): the call succeeds even when a file is not deleted, so each file's status is read; one
 *    that is not there is fine, any other failure is logged (server side only: WX_FILES_LOG).
 * Cloud functions run with admin rights on their environment's storage, so no permission is
 * declared for these.
 */
import type { FileStore, Logger } from './context';

/** The part of wx-server-sdk this uses (its own typings allow `void` from getTempFileURL). */
export interface WxStorage {
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: unknown }>;
  getTempFileURL(params: { fileList: string[] }): Promise<{ fileList?: { fileID?: unknown; tempFileURL?: unknown; status?: unknown }[] }> | void;
  downloadFile(params: { fileID: string }): Promise<{ fileContent?: unknown }>;
  deleteFile(params: { fileList: string[] }): Promise<{ fileList?: { fileID?: unknown; status?: unknown; errMsg?: unknown }[] } | void> | void;
}

/** What the SDK answered that it should not have (thrown: the handler's call fails as INTERNAL). */
export const WX_FILES_ERRORS = {
  noFileID: (cloudPath: string) => `uploadFile ${cloudPath}: no fileID in the answer`,
  noTempUrlAnswer: 'getTempFileURL answered nothing',
  noFileContent: (fileID: string) => `downloadFile ${fileID}: no fileContent in the answer`,
} as const;

/** Log lines (server side only). */
export const WX_FILES_LOG = {
  notDeleted: 'files: deleteFile did not delete a file',
} as const;

/** deleteFile takes at most this many files per call. */
const DELETE_BATCH = 50;

const MISSING_RE = /503003|not exist|STORAGE_FILE_NONEXIST/i;

/** WeChat's "storage file not exists" (-503003) and other answers that say the file is not there. */
function isMissing(err: unknown): boolean {
  const text = err && typeof err === 'object' ? `${String((err as { errCode?: unknown }).errCode ?? '')} ${String((err as { errMsg?: unknown; message?: unknown }).errMsg ?? (err as { message?: unknown }).message ?? '')}` : String(err);
  return MISSING_RE.test(text);
}

/** `log`: where a file deleteFile did not delete is reported (default: nowhere). */
export function wxFiles(storage: () => WxStorage, log?: Logger): FileStore {
  return {
    async put(cloudPath, content) {
      // The SDK wants a Buffer; a view over the same bytes, not a copy.
      const fileContent = Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      const res = await storage().uploadFile({ cloudPath, fileContent });
      if (typeof res?.fileID !== 'string' || res.fileID === '') throw new Error(WX_FILES_ERRORS.noFileID(cloudPath));
      return { fileID: res.fileID };
    },
    async urlOf(fileID) {
      const res = await storage().getTempFileURL({ fileList: [fileID] });
      if (!res) throw new Error(WX_FILES_ERRORS.noTempUrlAnswer);
      const item = (res.fileList ?? []).find((f) => f.fileID === fileID) ?? res.fileList?.[0];
      if (!item || item.status !== 0 || typeof item.tempFileURL !== 'string' || item.tempFileURL === '') return null;
      return item.tempFileURL;
    },
    async get(fileID) {
      let res: { fileContent?: unknown };
      try {
        res = await storage().downloadFile({ fileID });
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      const content = res?.fileContent;
      if (!(content instanceof Uint8Array)) throw new Error(WX_FILES_ERRORS.noFileContent(fileID));
      return content;
    },
    async remove(fileIDs) {
      for (let i = 0; i < fileIDs.length; i += DELETE_BATCH) {
        const res = await storage().deleteFile({ fileList: fileIDs.slice(i, i + DELETE_BATCH) });
        for (const item of res?.fileList ?? []) {
          if (item.status === 0 || isMissing({ errCode: item.status, errMsg: item.errMsg })) continue;
          log?.error(WX_FILES_LOG.notDeleted, { fileID: String(item.fileID), status: String(item.status), errMsg: String(item.errMsg ?? '') });
        }
      }
    },
  };
}
