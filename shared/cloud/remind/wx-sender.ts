/**
 * The message sender over WeChat's openapi (wxSender over WxOpenapi:
 * `cloud.openapi.subscribeMessage.send`, which needs `"permissions": {"openapi": ["subscribeMessage.send"]}`
 * in the function's config.json). WeChat's refusals (errCode ≠ 0) come back as results; a failure
 * without an errCode (network, SDK) is thrown, and the reminder timer retries it on its next run.
 */
import type { MessageSender, OutgoingMessage, SendResult } from '../context';

export interface WxOpenapi {
  subscribeMessage: {
    send(params: OutgoingMessage): Promise<{ errCode?: number; errMsg?: string } | undefined>;
  };
}

export function wxSender(openapi: () => WxOpenapi): MessageSender {
  return {
    async send(message): Promise<SendResult> {
      try {
        const res = await openapi().subscribeMessage.send({ ...message });
        return { errCode: typeof res?.errCode === 'number' ? res.errCode : 0, errMsg: res?.errMsg };
      } catch (err) {
        const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown };
        if (typeof e?.errCode === 'number' && e.errCode !== 0) {
          return { errCode: e.errCode, errMsg: String(e.errMsg ?? e.message ?? '') };
        }
        throw err;
      }
    },
  };
}
