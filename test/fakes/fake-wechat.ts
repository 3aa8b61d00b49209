/**
 * A stand-in for WeChat's subscribeMessage.send that keeps WeChat's books: one message per
 * acceptance per (user, template), 43101 without one, 40003 for an unknown user, 40037 for a
 * template that is not ours, 47003 for field data breaking the rules. Used by the tests and the
 * 100 000-message simulation; never deployed (it lives under test/, where lint keeps production code
 * from importing it). Exports FakeWeChat and FakeWeChatOptions.
 */
import type { MessageSender, OutgoingMessage, SendResult } from '../../shared/cloud/context';
import { REMINDER_TEMPLATES } from '../../shared/cloud/templates';
import { fieldProblems } from '../../shared/cloud/remind/message';

export interface FakeWeChatOptions {
  /** Awaited before answering (simulated latency). */
  latency?: () => Promise<void>;
  /** Openids WeChat does not know (→ 40003). */
  invalidOpenids?: Iterable<string>;
  /**
   * Inject an answer: an errCode, 'throw' (network failure: the request never arrived),
   * 'lostAnswer' (WeChat handles the request as usual, then the answer is lost: a timeout after
   * delivery), or undefined for normal behaviour.
   */
  inject?: (message: OutgoingMessage) => number | 'throw' | 'lostAnswer' | undefined;
}

export class FakeWeChat implements MessageSender {
  private readonly credits = new Map<string, number>();
  readonly delivered: OutgoingMessage[] = [];
  /** Every call, with its answer. */
  readonly attempts: { message: OutgoingMessage; errCode: number | 'throw' }[] = [];
  private readonly invalid: Set<string>;
  private readonly templates = new Set(Object.values(REMINDER_TEMPLATES).map((t) => t.id));
  recordAttempts = true;

  constructor(private readonly options: FakeWeChatOptions = {}) {
    this.invalid = new Set(options.invalidOpenids ?? []);
  }

  /** The user accepted `templateId` once more. */
  grant(openid: string, templateId: string, n = 1): void {
    const k = `${openid}|${templateId}`;
    this.credits.set(k, (this.credits.get(k) ?? 0) + n);
  }

  creditsOf(openid: string, templateId: string): number {
    return this.credits.get(`${openid}|${templateId}`) ?? 0;
  }

  /** Messages delivered to a user. */
  deliveredTo(openid: string): OutgoingMessage[] {
    return this.delivered.filter((m) => m.touser === openid);
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    if (this.options.latency) await this.options.latency();
    const answer = this.answer(message);
    if (this.recordAttempts) this.attempts.push({ message, errCode: answer });
    if (answer === 'throw') throw new Error('connect ETIMEDOUT (simulated network failure)');
    return { errCode: answer, errMsg: answer === 0 ? 'openapi.subscribeMessage.send:ok' : `openapi.subscribeMessage.send:fail ${answer}` };
  }

  private answer(message: OutgoingMessage): number | 'throw' {
    const injected = this.options.inject?.(message);
    if (injected === 'lostAnswer') {
      this.handle(message);
      return 'throw';
    }
    if (injected !== undefined) return injected;
    return this.handle(message);
  }

  /** What WeChat does with a request that arrives. */
  private handle(message: OutgoingMessage): number {
    if (this.invalid.has(message.touser)) return 40003;
    if (!this.templates.has(message.templateId)) return 40037;
    if (fieldProblems(message.data).length > 0) return 47003;
    const k = `${message.touser}|${message.templateId}`;
    const left = this.credits.get(k) ?? 0;
    if (left < 1) return 43101;
    this.credits.set(k, left - 1);
    this.delivered.push(message);
    return 0;
  }
}
