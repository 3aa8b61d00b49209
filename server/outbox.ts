/**
 * The local cloud's message sender: instead of WeChat, each message goes to the `outbox`
 * collection (shown on the H5 dev page 开发：消息发件箱). It answers like WeChat for what it can
 * check locally: 40003 for a malformed openid, 40037 for a template id that is not ours, 41030 for
 * a page outside the app, 47003 for field data breaking WeChat's rules, and 43101 when the user has
 * no credit left — WeChat's books emulated from ours: acceptances recorded by `subscriptions` for
 * that template, minus messages already in the outbox for it (locally every acceptance goes
 * through `subscriptions`, so the two agree). GET /dev/outbox shows the latest messages and
 * reminder runs (the H5 dev page reads it).
 *
 * Exports: outboxSender, addOutboxRoute.
 */
import type { FastifyInstance } from 'fastify';
import type { DocumentStore, MessageSender } from '../shared/cloud/context';
import { failure } from '../shared/cloud/errors';
import { fieldProblems } from '../shared/cloud/remind/message';
import { OPENID_RE } from '../shared/cloud/api';
import { COLLECTIONS, type OutboxDoc, outboxRepo, runsRepo, type SubscriptionDoc } from '../shared/cloud/repos';
import { kindOfTemplate, REMINDER_TEMPLATES } from '../shared/cloud/templates';
import { sendJson } from './replies';

const TEMPLATE_IDS = new Set(Object.values(REMINDER_TEMPLATES).map((t) => t.id));
let seq = 0;

async function hasCredit(db: DocumentStore, openid: string, templateId: string): Promise<boolean> {
  const kind = kindOfTemplate(templateId);
  if (!kind) return false;
  const subs = await db.collection<SubscriptionDoc>(COLLECTIONS.subscriptions).find({ where: { openid, kind }, limit: 1000 });
  const granted = subs.reduce((n, s) => n + (s.accepted ?? 0), 0);
  const used = await db.collection<OutboxDoc>(COLLECTIONS.outbox).find({ where: { 'message.touser': openid, 'message.templateId': templateId }, limit: 1000 });
  return used.length < granted;
}

export function outboxSender(db: DocumentStore, now: () => Date = () => new Date()): MessageSender {
  const outbox = outboxRepo(db);
  return {
    async send(message) {
      let errCode = 0;
      if (!OPENID_RE.test(message.touser)) errCode = 40003;
      else if (!TEMPLATE_IDS.has(message.templateId)) errCode = 40037;
      else if (!/^pages\/[A-Za-z0-9_/-]+(\?.*)?$/.test(message.page)) errCode = 41030;
      else if (fieldProblems(message.data).length > 0) errCode = 47003;
      else if (!(await hasCredit(db, message.touser, message.templateId))) errCode = 43101;
      if (errCode !== 0) return { errCode, errMsg: `openapi.subscribeMessage.send:fail (local) ${errCode}` };
      seq = (seq + 1) % 1000;
      await outbox.add({ at: now().toISOString(), seq: Date.now() * 1000 + seq, message, errCode });
      return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok (local outbox)' };
    },
  };
}

/** GET /dev/outbox?limit=N (1–200, default 50): the latest messages and the 10 latest reminder runs; any other /dev/ path is 404. */
export function addOutboxRoute(app: FastifyInstance, db: DocumentStore): void {
  app.route({
    method: app.supportedMethods,
    url: '/dev/*',
    handler: async (request, reply) => {
      if (request.url.split('?')[0] !== '/dev/outbox') return sendJson(reply, 404, failure('UNKNOWN_FUNCTION'));
      if (request.method !== 'GET') return sendJson(reply.header('Allow', 'GET'), 405, failure('METHOD_NOT_ALLOWED'));
      const query = new URL(request.url, 'http://local').searchParams;
      const limit = Math.max(1, Math.min(200, Number(query.get('limit')) || 50));
      const [messages, runs] = await Promise.all([outboxRepo(db).recent({ limit }), runsRepo(db).recent(10)]);
      return sendJson(reply, 200, { ok: true, data: { messages, runs } });
    },
  });
}
