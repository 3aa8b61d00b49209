/**
 * `npm start` entry (bundled by scripts/start.mjs): starts the local cloud from the environment.
 *   PORT             default 10086
 *   LOCAL_CLOUD_DIR  default ./.local-cloud
 *   STATIC_DIR       default ./dist-h5
 */
import path from 'node:path';
import { createServer, DEFAULT_PORT } from './index';

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0…65535, got ${process.env.PORT}`);
  const dataDir = path.resolve(process.env.LOCAL_CLOUD_DIR || '.local-cloud');
  const staticDir = path.resolve(process.env.STATIC_DIR || 'dist-h5');
  const cloud = createServer({ port, dataDir, staticDir });
  const url = await cloud.listen();
  console.log(`政策算盘 local cloud: ${url}  (data: ${dataDir}, H5: ${staticDir})`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    cloud.close().then(
      () => process.exit(0),
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
  console.error(`local cloud failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
