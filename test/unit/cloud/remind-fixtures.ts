/** A small world for the reminder engine: deadlines, subscribers, a fake WeChat, and a killable store. */
import type { Collection, DocumentStore, MessageSender, StoredDoc, Transaction } from '../../../shared/cloud/context';
import { FakeWeChat, type FakeWeChatOptions } from '../../fakes/fake-wechat';
import { type DeadlineDoc, repos, type SendLogDoc, sendLogId } from '../../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';

export const T0 = Date.parse('2022-06-23T01:00:00.000Z'); // 09:00 Beijing time, 2022-06-23
export const AT = new Date(T0).toISOString();

export function deadlineDoc(id: string, measureId: string, closesOn: string, over: Partial<DeadlineDoc> = {}): DeadlineDoc {
  return {
    _id: id,
    measureId,
    batchTitle: `2022 年度测试批次 ${id}`,
    opensOn: '2022-05-01',
    closesOn,
    issuer: '自治区工业和信息化厅',
    sourceUrl: 'https://example.gov.cn/n',
    sample: false,
    createdAt: AT,
    createdBy: 'o-admin',
    updatedAt: AT,
    updatedBy: 'o-admin',
    ...over,
  };
}

export interface World {
  wechat: FakeWeChat;
  /** openid → the message ids (sendLog ids) due for them. */
  due: { openid: string; logId: string }[];
  /**
   * Users holding two credits WeChat would honour for the same template (a resend after a crash
   * could deliver twice) — whatever our books say about the subscription holding the second one
   * (`o-resub`'s is cancelled: cancelling is ours alone, WeChat keeps the acceptance).
   */
  multiCredit: Set<string>;
  refusedUser: string;
  droppedUser: string;
  cancelledUser: string;
}

/**
 * On 2022-06-23: D (m01) closes 06-30 → 7-day reminders; E (m07) closes 06-24 → 1-day reminders;
 * F (m02) closes 07-20 → nothing yet.
 */
export async function seedWorld(db: DocumentStore, options: FakeWeChatOptions = {}): Promise<World> {
  const r = repos(db);
  const invalid = 'o-gone';
  const wechat = new FakeWeChat({ invalidOpenids: [invalid], ...options });
  await r.deadlines.add(deadlineDoc('dl-D', 'm01', '2022-06-30'));
  await r.deadlines.add(deadlineDoc('dl-E', 'm07', '2022-06-24'));
  await r.deadlines.add(deadlineDoc('dl-F', 'm02', '2022-07-20'));
  const due: World['due'] = [];
  const accept = async (openid: string, measureId: string, deadlineKey: string, kind: 'week' | 'day', grant = true) => {
    await r.subscriptions.accept({ openid, measureId, deadlineKey, kind, at: AT });
    if (grant) wechat.grant(openid, REMINDER_TEMPLATES[kind].id);
  };
  for (let i = 1; i <= 5; i++) {
    await accept(`o-u${i}`, 'm01', 'dl-D', 'week');
    due.push({ openid: `o-u${i}`, logId: sendLogId('dl-D', 'week', `o-u${i}`) });
  }
  // Subscribed before any deadline was known: the measure's next deadline.
  await accept('o-next', 'm01', '', 'week');
  due.push({ openid: 'o-next', logId: sendLogId('dl-D', 'week', 'o-next') });
  // Two acceptances: one message for D, one credit left for later.
  await accept('o-twice', 'm01', 'dl-D', 'week');
  await accept('o-twice', 'm01', 'dl-D', 'week');
  due.push({ openid: 'o-twice', logId: sendLogId('dl-D', 'week', 'o-twice') });
  // Subscribed to both D (bound) and "next" of m01: still one message for D.
  await accept('o-both', 'm01', 'dl-D', 'week');
  await accept('o-both', 'm01', '', 'week');
  due.push({ openid: 'o-both', logId: sendLogId('dl-D', 'week', 'o-both') });
  // Subscribed to m03 (the 7-day template accepted), cancelled it, then subscribed to D: WeChat
  // still holds the m03 acceptance, so this user holds two 7-day credits.
  await accept('o-resub', 'm03', '', 'week');
  await r.subscriptions.cancel('o-resub', 'm03', '', 'week', AT);
  await accept('o-resub', 'm01', 'dl-D', 'week');
  due.push({ openid: 'o-resub', logId: sendLogId('dl-D', 'week', 'o-resub') });
  // 1-day reminder for E.
  await accept('o-day', 'm07', 'dl-E', 'day');
  due.push({ openid: 'o-day', logId: sendLogId('dl-E', 'day', 'o-day') });
  // Our books say one credit, WeChat says none (e.g. revoked): 43101.
  await accept('o-refused', 'm01', 'dl-D', 'week', false);
  // An openid WeChat does not know: 40003.
  await accept(invalid, 'm01', 'dl-D', 'week');
  // Cancelled: nothing.
  await accept('o-cancel', 'm01', 'dl-D', 'week');
  await r.subscriptions.cancel('o-cancel', 'm01', 'dl-D', 'week', AT);
  // Not due yet (F closes in 27 days), and a 1-day subscriber of D (due on 06-29).
  await accept('o-later', 'm02', 'dl-F', 'week');
  await accept('o-dayD', 'm01', 'dl-D', 'day');
  return { wechat, due, multiCredit: new Set(['o-twice', 'o-both', 'o-resub']), refusedUser: 'o-refused', droppedUser: invalid, cancelledUser: 'o-cancel' };
}

export class CrashError extends Error {
  constructor() {
    super('simulated crash');
  }
}

/** A store and a sender that stop working (every call throws) once `kill()` is called — a dead process. */
export function killable(store: DocumentStore, sender: MessageSender) {
  let dead = false;
  const guard = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    if (dead) throw new CrashError();
    const out = await fn(...a);
    if (dead) throw new CrashError(); // the answer never reaches a dead process
    return out;
  };
  const wrapCol = <T extends StoredDoc>(c: Collection<T>): Collection<T> => ({
    get: guard(c.get.bind(c)),
    add: guard(c.add.bind(c)),
    update: guard(c.update.bind(c)),
    remove: guard(c.remove.bind(c)),
    find: guard(c.find.bind(c)),
    updateIf: guard(c.updateIf.bind(c)),
  });
  return {
    store: {
      collection: <T extends StoredDoc>(name: string) => wrapCol(store.collection<T>(name)),
      transaction: <R>(fn: (tx: Transaction) => Promise<R>) =>
        guard(() =>
          store.transaction((tx) => {
            if (dead) throw new CrashError();
            return fn(tx);
          }),
        )(),
    } as DocumentStore,
    sender: { send: guard(sender.send.bind(sender)) } as MessageSender,
    kill: () => {
      dead = true;
    },
  };
}

export async function logOf(db: DocumentStore, id: string): Promise<SendLogDoc | null> {
  return repos(db).sendLog.get(id);
}
