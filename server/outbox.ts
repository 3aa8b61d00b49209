/**
 * The local cloud's message sender: instead of WeChat, each message goes to the `outbox`
 * collection (shown on the H5 dev page 开发：消息发件箱). It answers like WeChat for what it can
 * check locally: 40003 for a malformed openid, 40037 for a template id that is not ours, 41030 for
 * a page outside the app, 47003 for field data breaking WeChat's rules. It does not keep WeChat's
 * per-user credit books (the tests' FakeWeChat does).
 */
import type { DocumentStore, MessageSender } from '../shared/cloud/context';
import { fieldProblems } from '../shared/cloud/remind/message';
import { OPENID_RE, outboxRepo } from '../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../shared/cloud/templates';

const TEMPLATE_IDS = new Set(Object.values(REMINDER_TEMPLATES).map((t) => t.id));
let seq = 0;

export function outboxSender(db: DocumentStore, now: () => Date = () => new Date()): MessageSender {
  const outbox = outboxRepo(db);
  return {
    async send(message) {
      let errCode = 0;
      if (!OPENID_RE.test(message.touser)) errCode = 40003;
      else if (!TEMPLATE_IDS.has(message.templateId)) errCode = 40037;
      else if (!/^pages\/[A-Za-z0-9_/-]+(\?.*)?$/.test(message.page)) errCode = 41030;
      else if (fieldProblems(message.data).length > 0) errCode = 47003;
      if (errCode !== 0) return { errCode, errMsg: `openapi.subscribeMessage.send:fail (local) ${errCode}` };
      seq = (seq + 1) % 1000;
      await outbox.add({ at: now().toISOString(), seq: Date.now() * 1000 + seq, message, errCode });
      return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok (local outbox)' };
    },
  };
}
