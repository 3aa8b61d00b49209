#!/usr/bin/env tsx
/**
 * The local admin CLI (the same `deadlines` function the admin page calls, as a dev openid):
 *
 *   npm run admin -- bootstrap <openid>                 make the first admin (local store; server stopped)
 *   npm run admin -- list [--closed]                    deadlines (anyone)
 *   npm run admin -- import <file.csv|file.json> [--dry-run] [--as <admin>]
 *   npm run admin -- admins | audit [--as <admin>]
 *   npm run admin -- add-admin <openid> [--note 说明] [--as <admin>]
 *   npm run admin -- remove-admin <openid> [--as <admin>]
 *
 * `--as` defaults to $DEV_OPENID or 'dev-admin'. With `npm start` running, use LOCAL_ADMINS=<openid>
 * at start instead of `bootstrap` (or stop the server first): two processes must not write the same
 * NeDB files. In WeChat, the first admin is added in the cloud console (README, "Admins").
 * Times are printed in Beijing time (shared/cloud/dates.ts), like every date a person sees.
 * The import file is found from where the command was run (INIT_CWD) and read through readText,
 * the one reading the import page and the `deadlines` function share (issue 25, item 5); what the
 * store or a file holds reaches the terminal with its control characters escaped (printable).
 */
import os from 'node:os';
import path from 'node:path';
import { beijingTime } from '../shared/cloud/dates';
import { OPENID_RE } from '../shared/cloud/api';
import { adminsRepo, auditRepo } from '../shared/cloud/repos';
import { localCaller } from '../server/local-call';
import { printable } from '../shared/policy/engine';
import { fromStart, readFileText } from '../shared/policy/cli/read-file';

const say = (text: string) => console.log(printable(text, { keepLines: true }));
const warn = (text: string) => console.error(printable(text, { keepLines: true }));

function usage(message?: string): never {
  if (message) warn(`错误：${message}`);
  warn('用法：npm run admin -- <bootstrap|list|import|admins|audit|add-admin|remove-admin> … [--as <openid>]（详见 scripts/admin.ts）');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--dry-run' || a === '--closed') flags.set(a, true);
    else if (a === '--as' || a === '--note') flags.set(a, args[++i] ?? usage(`${a} 后面需要值`));
    else if (a.startsWith('--')) usage(`未知参数 ${a}`);
    else positional.push(a);
  }
  const [command, arg] = positional;
  if (!command) usage();
  const as = (flags.get('--as') as string | undefined) ?? process.env.DEV_OPENID ?? 'dev-admin';
  const caller = localCaller();
  const fail = (error: { code: string; message: string; fields?: { message: string }[] }) => {
    warn(`失败（${error.code}）：${error.message}`);
    for (const f of (error.fields ?? []).slice(1)) warn(`  ${f.message}`);
    process.exitCode = 1;
  };
  try {
    switch (command) {
      case 'bootstrap': {
        if (!arg || !OPENID_RE.test(arg)) usage('bootstrap 需要一个 openid');
        if (!caller.store) usage(`本地云正在运行（${caller.via}）：请用 LOCAL_ADMINS=${arg} npm start 启动，或先停止它`);
        const actor = `cli:${os.userInfo().username}`;
        const at = new Date().toISOString();
        if (await adminsRepo(caller.store).add({ _id: arg, addedAt: at, addedBy: actor, note: 'bootstrap' })) {
          await auditRepo(caller.store).append({ at, actor, action: 'admin.add', target: arg, summary: `命令行添加首位管理员 ${arg}` });
          say(`已添加管理员 ${arg}（${caller.via}）`);
        } else say(`${arg} 已是管理员`);
        break;
      }
      case 'list': {
        const env = await caller.call('deadlines', { action: 'list', scope: flags.has('--closed') ? 'closed' : 'current', limit: 100 }, { openid: as });
        if (!env.ok) return fail(env.error);
        if (env.data.action !== 'list') return;
        if (env.data.deadlines.length === 0) say('（没有截止时间）');
        for (const d of env.data.deadlines) {
          say(`${d.id}  ${d.measureLabel}${d.sample ? ' [示例]' : ''} ${d.batchTitle}  ${d.opensOn} → ${d.closesOn}（${d.status}）  ${d.issuer}`);
        }
        break;
      }
      case 'import': {
        if (!arg) usage('import 需要文件路径');
        const format = path.extname(arg).toLowerCase() === '.json' ? 'json' : 'csv';
        const file = readFileText(fromStart(arg));
        if (!file.ok) {
          warn(`失败：${file.message}`);
          process.exitCode = 1;
          return;
        }
        const text = file.text;
        const env = await caller.call('deadlines', { action: 'import', format, text, dryRun: flags.has('--dry-run') }, { openid: as });
        if (!env.ok) return fail(env.error);
        if (env.data.action !== 'import') return;
        say(`${env.data.dryRun ? '试导入（未写入）' : '已导入'}：新增 ${env.data.created}，更新 ${env.data.updated}，未变 ${env.data.unchanged}`);
        break;
      }
      case 'admins': {
        const env = await caller.call('deadlines', { action: 'admins' }, { openid: as });
        if (!env.ok) return fail(env.error);
        if (env.data.action === 'admins') for (const a of env.data.admins) say(`${a.openid}  ${beijingTime(a.addedAt)}  由 ${a.addedBy}${a.note ? `  ${a.note}` : ''}`);
        break;
      }
      case 'audit': {
        const env = await caller.call('deadlines', { action: 'audit', limit: 100 }, { openid: as });
        if (!env.ok) return fail(env.error);
        if (env.data.action === 'audit') for (const e of env.data.entries) say(`${beijingTime(e.at)}  ${e.actor}  ${e.action}  ${e.summary}`);
        break;
      }
      case 'add-admin':
      case 'remove-admin': {
        if (!arg) usage(`${command} 需要一个 openid`);
        const env =
          command === 'add-admin'
            ? await caller.call('deadlines', { action: 'addAdmin', openid: arg, note: flags.get('--note') as string | undefined }, { openid: as })
            : await caller.call('deadlines', { action: 'removeAdmin', openid: arg }, { openid: as });
        if (!env.ok) return fail(env.error);
        say(JSON.stringify(env.data));
        break;
      }
      default:
        usage(`未知命令 ${command}`);
    }
  } finally {
    await caller.close();
  }
}

main().catch((err) => {
  warn(`失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
