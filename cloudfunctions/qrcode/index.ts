/**
 * Cloud function `qrcode` — a thin shell; the logic is shared/cloud/handlers/qrcode.ts.
 * Built by scripts/build-cloud.mjs into index.js (git-ignored), which is what WeChat deploys.
 * config.json grants wxacode.getUnlimited; set QRCODE_ENV_VERSION (trial | develop) in the
 * function's environment to make codes of a version that is not released yet.
 */
import { qrcode } from '../../shared/cloud/handlers/qrcode';
import { makeCloudMain } from '../../shared/cloud/shell';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud: typeof import('wx-server-sdk') = require('wx-server-sdk');

// The SDK's own typings omit the symbol from `env`'s type; the SDK accepts it (the documented call).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const main = makeCloudMain('qrcode', qrcode, cloud);
