/**
 * Cloud function `screen` (园区批量测算) — a thin shell; the logic is shared/cloud/handlers/screen/
 * and the pipeline shared/policy/screening (the same as `npm run screen`).
 * Built by scripts/build-cloud.mjs into index.js (git-ignored), which is what WeChat deploys.
 * config.json sets the timeout to 20 s: one call screens SCREEN_CHUNK_ROWS rows, measured at
 * 0.5–1.7 s a call on a 20 000-row register (median 0.5 s .csv, 0.9 s .xlsx; the slowest, 1.7 s, the
 * last chunk of the .xlsx, which reads past every row before it) — docs/screening.md, "In the
 * mini-program".
 */
import { screen } from '../../shared/cloud/handlers/screen';
import { makeCloudMain } from '../../shared/cloud/shell';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud: typeof import('wx-server-sdk') = require('wx-server-sdk');

// The SDK's own typings omit the symbol from `env`'s type; the SDK accepts it (the documented call).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const main = makeCloudMain('screen', screen, cloud);
