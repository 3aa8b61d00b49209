/**
 * `npm start` entry (bundled by scripts/start.mjs): starts the local cloud from the environment.
 *   PORT             default 10086
 *   LOCAL_CLOUD_DIR  default ./.local-cloud
 *   STATIC_DIR       default ./dist-h5
 *   LOCAL_ADMINS     comma-separated openids made admins at start (e.g. dev-admin), audited
 *   LOCAL_SAMPLES    '0' = do not add the sample deadlines (示例); default: add them
 *   LOCAL_QRCODE_ERROR  a WeChat errCode (e.g. 45009) every `qrcode` call is refused with, to see
 *                    the poster without a code; unset: codes are QR codes of the H5 links
 * Writes <LOCAL_CLOUD_DIR>/server.json while running, so `npm run remind` / `npm run admin` call
 * this server instead of opening its datafiles from a second process. Holds the folder's lock
 * (./data-lock.ts) from before the store opens until it ends: a second server on the same folder
 * refuses to start, naming the process that holds it.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataDirLockedError, lockDataDir } from './data-lock';
import { createServer, DEFAULT_PORT } from './index';
import { SERVER_FILE } from './local-call';

/**
 * Last resort: a promise rejected with nobody waiting for it is logged and the server keeps
 * serving (Node's default would end the process, refusing every later request). A damaged datafile
 * does not come here: the store reports it by collection (STORE_DAMAGED); this is for bugs.
 */
process.on('unhandledRejection', (reason) => {
  console.error(`[local-cloud] unhandled rejection (the server keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0…65535, got ${process.env.PORT}`);
  const dataDir = path.resolve(process.env.LOCAL_CLOUD_DIR || '.local-cloud');
  const staticDir = path.resolve(process.env.STATIC_DIR || 'dist-h5');
  const admins = (process.env.LOCAL_ADMINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const lock = lockDataDir(dataDir, 'npm start');
  const cloud = createServer({ port, dataDir, staticDir, sampleDeadlines: process.env.LOCAL_SAMPLES !== '0' });
  const url = await cloud.listen();
  lock.setPort(Number(new URL(url).port));
  const serverFile = path.join(dataDir, SERVER_FILE);
  writeFileSync(serverFile, JSON.stringify({ pid: process.pid, url }));
  console.log(`政策算盘 local cloud: ${url}  (data: ${dataDir}, H5: ${staticDir})`);
  if (admins.length > 0) console.log(`admins (LOCAL_ADMINS): ${admins.join(', ')}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    rmSync(serverFile, { force: true });
    cloud.close().then(
      () => {
        lock.release();
        process.exit(0);
      },
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  if (err instanceof DataDirLockedError) {
    console.error(`本地云未启动：${err.message}`);
    process.exit(1);
  }
  console.error(`local cloud failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
