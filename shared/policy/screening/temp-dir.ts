/**
 * Screening's temporary folders: every file a screening writes on the side (the cloud function's
 * downloaded register, spilled per-measure lists) lies in a folder made by withTempDir (or by
 * makeTempDir, its caller removing it in a finally) under the OS temp folder, named
 * SCREEN_TEMP_PREFIX…, and removed when the work ends, however it ends.
 * A process killed mid-way cannot run its finally: sweepTempDirs removes such folders left by
 * earlier runs (issue 27, item 4: 20 of 20 killed calls left the whole register in /tmp).
 */
import { mkdtempSync, promises as fsp } from 'fs';
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
