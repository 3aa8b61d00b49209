/** The yes/no conditions a clause sets (对新认定的…的企业, 当年投产…), checked by checkConditions. All must hold. */
import type { Scope } from '../scope';
import type { Condition, Stage } from '../types';

/** Adds one stage per condition (when explaining); returns the first condition that does not hold, or null. */
export function checkConditions(conditions: Condition[] | undefined, s: Scope, stages: Stage[]): Condition | null {
  for (const c of conditions ?? []) {
    const known = s.isKnown(c.fact);
    if (c.presumed && !known) continue;
    const holds = s.flag(c.fact);
    if (s.explain) {
      const label = s.label(c.fact).replace(/？$/, '');
      stages.push({
        step: 'condition',
        label: '条件',
        text: known ? `${label}：${holds ? '是' : '否'}` : `${label}：未确定，按“${holds ? '是' : '否'}”计算`,
        quote: c.quote,
        pass: holds,
      });
    }
    if (!holds) return c;
  }
  return null;
}
