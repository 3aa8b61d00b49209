/**
 * Cloud function `listStatus` — a thin shell; the logic is shared/cloud/handlers/listStatus.ts.
 * Built by scripts/build-cloud.mjs into index.js (git-ignored), which is what WeChat deploys.
 */
import { listStatus } from '../../shared/cloud/handlers/listStatus';
import { makeCloudMain } from '../../shared/cloud/shell';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud: typeof import('wx-server-sdk') = require('wx-server-sdk');

// The SDK's own typings omit the symbol from `env`'s type; the SDK accepts it (the documented call).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const main = makeCloudMain('listStatus', listStatus, cloud);
