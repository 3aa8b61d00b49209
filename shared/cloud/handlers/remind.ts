/**
 * remind: the reminder timer (cloudfunctions/remind/config.json). Runs without a user (the timer;
 * no OPENID) or for an admin (a manual run); anyone else is refused. Settings from the function's
 * environment variables: REMIND_BUDGET_MS (default 50000), REMIND_CONCURRENCY (default 10),
 * MINIPROGRAM_STATE (formal | trial | developer; default formal).
 */
import { CloudFailure } from '../errors';
import type { Handler } from '../handler';
import { adminsRepo } from '../repos';
import { DEFAULT_BUDGET_MS, runRemind } from '../remind/engine';

function intSetting(value: string | undefined, dflt: number, min: number, max: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : dflt;
}

export const remind: Handler<'remind'> = async (_request, ctx) => {
  if (ctx.openid !== null && !(await adminsRepo(ctx.db).isAdmin(ctx.openid))) {
    throw new CloudFailure('FORBIDDEN', '提醒任务只能由定时触发器或管理员运行');
  }
  if (!ctx.sender) throw new Error('remind: no message sender in the context');
  const env = ctx.env ?? {};
  const state = env.MINIPROGRAM_STATE;
  const summary = await runRemind({
    db: ctx.db,
    sender: ctx.sender,
    log: ctx.log,
    now: ctx.now,
    budgetMs: intSetting(env.REMIND_BUDGET_MS, DEFAULT_BUDGET_MS, 1000, 600_000),
    concurrency: intSetting(env.REMIND_CONCURRENCY, 10, 1, 50),
    miniprogramState: state === 'trial' || state === 'developer' ? state : 'formal',
  });
  return { ok: true, data: summary };
};
