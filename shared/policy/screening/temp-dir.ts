/**
 * Screening's temporary folders: every file a screening writes on the side (the cloud function's
 * downloaded register, spilled per-measure lists) lies in a folder made by withTempDir under the OS
 * temp folder, named SCREEN_TEMP_PREFIX…, and removed when the work ends, however it ends (finally).
 * A process killed mid-way cannot run its finally: sweepTempDirs removes such folders left by
 * earlier runs (issue 27, item 4: 20 of 20 killed calls left the whole register in /tmp): the CLI
 * and the `screen` function call it when they start (one readdir of the temp folder).
 * Exports SCREEN_TEMP_PREFIX, SCREEN_TEMP_MAX_AGE_MS, makeTempDir, withTempDir and sweepTempDirs.
 */
import { type Dirent, mkdtempSync, promises as fsp, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** The prefix of every screening temp folder (ASCII: some temp folders are on file systems without Chinese names). */
export const SCREEN_TEMP_PREFIX = 'abacus-screen-';

/** A fresh folder of its own (removed by the caller; prefer withTempDir). */
export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), SCREEN_TEMP_PREFIX));
}

/** `fn` with a folder of its own, removed afterwards whether `fn` returns or throws. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = makeTempDir();
  try {
    return await fn(dir);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

/**
 * How old a left folder must be to be swept: an hour. The function's calls end within its 20 s
 * timeout (cloudfunctions/screen/config.json), and the CLI's longest run measured (a million rows)
 * took minutes — a folder still in use is never this old.
 */
export const SCREEN_TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Removes the screening folders (SCREEN_TEMP_PREFIX…, folders only) under `root` (the OS temp folder)
 * last changed more than `olderThanMs` ago: what killed runs left. Never throws (a folder another
 * process removes meanwhile is simply gone); answers the names removed. Synchronous: one readdir
 * and, only for a screening folder, a stat — a start costs no turn of the event loop, so two calls
 * arriving at once meet the database as they did before the sweep (collections.test's race).
 */
export function sweepTempDirs(olderThanMs = SCREEN_TEMP_MAX_AGE_MS, root = tmpdir(), now = Date.now()): string[] {
  const removed: string[] = [];
  let names: Dirent[];
  try {
    names = readdirSync(root, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const d of names) {
    if (!d.isDirectory() || !d.name.startsWith(SCREEN_TEMP_PREFIX)) continue;
    const dir = join(root, d.name);
    try {
      const { mtimeMs } = statSync(dir);
      if (now - mtimeMs <= olderThanMs) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(d.name);
    } catch {
      // gone meanwhile
    }
  }
  return removed;
}
