#!/usr/bin/env tsx
/**
 * Runs the reminder timer once, locally, as WeChat's timer would (no user):
 *
 *   npm run remind                       at the current time
 *   npm run remind -- --now 2022-06-23   at 09:00 Beijing time that day (or --now 2022-06-23T09:30:00+08:00)
 *   npm run remind -- --json             the run summary as JSON
 *
 * With `npm start` running it calls that server (its data folder holds server.json); otherwise it
 * opens the local store (LOCAL_CLOUD_DIR, default .local-cloud/) itself. Messages go to the local
 * outbox (the H5 page 开发：消息发件箱, or GET /dev/outbox). Exit code 1 if the run failed.
 */
import { localCaller } from '../server/local-call';

function usage(message?: string): never {
  if (message) console.error(`错误：${message}`);
  console.error('用法：npm run remind -- [--now YYYY-MM-DD | --now <ISO 时间>] [--json]');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let now: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--now') {
      now = args[++i];
      if (!now) usage('--now 后面需要日期');
    } else if (a.startsWith('--now=')) now = a.slice(6);
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`未知参数 ${a}`);
  }
  const caller = localCaller();
  try {
    const env = await caller.call('remind', {}, { openid: null, now });
    if (!env.ok) {
      console.error(`提醒任务失败：${env.error.message}（${env.error.code}）`);
      process.exitCode = 1;
      return;
    }
    const s = env.data;
    if (json) {
      console.log(JSON.stringify(s, null, 2));
      return;
    }
    const skipped = Object.entries(s.skipped).map(([k, v]) => `${k} ${v}`).join('，') || '无';
    console.log(`提醒任务 ${s.runId}（${caller.via}）`);
    console.log(`  日期 ${s.today}（北京时间），到期截止 ${s.deadlinesDue} 个，用时 ${s.durationMs} ms / 预算 ${s.budgetMs} ms，结束原因 ${s.stoppedBy}`);
    console.log(`  已发送 ${s.sent}，跳过 ${skipped}${s.dueSentEarlier ? `；${s.dueSentEarlier} 个截止时间今天的提醒已发送过` : ''}`);
    console.log(`  拒收(43101) ${s.refused}，无效用户(40003) ${s.dropped}，模板数据错误(47003) ${s.dataErrors}，待重试 ${s.retry}，放弃 ${s.failed}，结果未知 ${s.unknown}，剩余 ${s.remaining}`);
    console.log(`  数据库调用 ${s.dbCalls} 次。消息见本地发件箱（H5 页面「开发：消息发件箱」或 GET /dev/outbox）。`);
  } finally {
    await caller.close();
  }
}

main().catch((err) => {
  console.error(`提醒任务失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
