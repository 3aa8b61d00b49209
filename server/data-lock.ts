/**
 * One process at a time on a data folder (issue 25, item 7: two servers started on one folder both
 * accepted writes, and an acknowledged write was lost — NeDB keeps each collection in memory and
 * appends to its datafile, so a second writer's lines are overwritten by the first one's compaction).
 *
 * `<dataDir>/lock.json` is created exclusively (open 'wx': the file system decides who is first)
 * by `npm start` (server/main.ts) and by `npm run admin` / `npm run remind` when no server runs
 * (server/local-call.ts), holding the holder's pid, port (once it listens) and start time; it is
 * removed when that process ends. Another process finding it refuses to open the store, in
 * Chinese, naming the holder. A lock whose pid is gone (a crash, a kill -9) is taken over, with
 * a log line saying whose it was.
 *
 * Exports: LOCK_FILE, LockHolder, DataDirLockedError, DataLock, isAlive, lockDataDir.
 */
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { beijingTime } from '../shared/cloud/dates';

export const LOCK_FILE = 'lock.json';

export interface LockHolder {
  pid: number;
  /** What holds it: 'npm start' or the CLI's name. */
  by: string;
  /** The server's port once it listens; null for a CLI (or a server not yet listening). */
  port: number | null;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `数据文件夹 ${dataDir} 正被进程 ${holder.pid} 使用（${holder.by}${holder.port ? `，端口 ${holder.port}` : ''}，北京时间 ${beijingTime(holder.startedAt)} 启动）：` +
        '同一个文件夹同时只能由一个进程写入，否则会丢失数据。请先停止该进程，或用 LOCAL_CLOUD_DIR 指定另一个文件夹。',
    );
  }
}

export interface DataLock {
  readonly file: string;
  /** Records the port the server listens on. */
  setPort(port: number): void;
  /** Removes the lock (only if it is still this process's). */
  release(): void;
}

/** Is a process with this pid running? (EPERM: it runs, as another user.) */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof h?.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the data folder's lock, or throws DataDirLockedError naming the process that holds it.
 * `log` hears of a stale lock taken over.
 */
export function lockDataDir(dataDir: string, by: string, log: (message: string) => void = (m) => console.warn(m)): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, by, port: null, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, JSON.stringify(mine));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
    }
    let holder = readHolder(file);
    // Created but not yet written by its taker: give it a moment.
    if (!holder) {
      sleepSync(100);
      holder = readHolder(file);
    }
    if (holder && isAlive(holder.pid)) throw new DataDirLockedError(dataDir, holder);
    // Stale: moved aside under a name of our own, then checked — if another process replaced it
    // with its live lock in the meantime, that lock is put back.
    const aside = `${file}.${randomBytes(6).toString('hex')}.stale`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // someone else moved it: try again
    }
    const moved = readHolder(aside);
    if (moved && isAlive(moved.pid)) {
      try {
        linkSync(aside, file);
      } catch {
        // a third process took the folder meanwhile: its lock stands
      }
      rmSync(aside, { force: true });
      throw new DataDirLockedError(dataDir, moved);
    }
    rmSync(aside, { force: true });
    log(
      moved
        ? `[local-cloud] 接管数据文件夹锁 ${file}：原持有进程 ${moved.pid}（${moved.by}，北京时间 ${beijingTime(moved.startedAt)} 启动）已不在运行`
        : `[local-cloud] 接管数据文件夹锁 ${file}：锁文件无法读取（写到一半时进程已结束）`,
    );
  }
  let released = false;
  const isMine = () => {
    const h = readHolder(file);
    return h !== null && h.pid === mine.pid && h.startedAt === mine.startedAt;
  };
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (isMine()) rmSync(file, { force: true });
  };
  // Removed however the process ends normally (process.exit included); a kill -9 leaves a stale lock.
  process.on('exit', release);
  return {
    file,
    setPort(port) {
      if (released || !isMine()) return;
      mine.port = port;
      writeFileSync(file, JSON.stringify(mine));
    },
    release,
  };
}
