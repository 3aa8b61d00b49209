/**
 * The one check of text a function stores or shows again (batch titles, issuers, links, notes,
 * file names, ids): textFault, with the TEXT_MESSAGES it answers, and the bounds of the ids that
 * other document ids are built from. Used by the deadline and list-status validators, the request
 * checks of handlers/common.ts and the screening door's valibot schema (issue 25, item 4).
 *
 * Refused: control characters — C0 (U+0000–U+001F; no stored field is multi-line, so a line break
 * is refused too), DEL (U+007F) and C1 (U+0080–U+009F): they garble a reminder, a CSV or a terminal —
 * and lone surrogates (half of a UTF-16 pair): no font shows them, UTF-8 cannot encode them (a
 * file or message that carries one is written with U+FFFD), WeChat's template data refuses them.
 */

export const TEXT_MESSAGES = {
  /** Appended to the field's name: 「批次名称」不能包含换行或控制字符. */
  control: '不能包含换行或控制字符',
  surrogate: '含有无法显示的残缺字符（多见于从别处复制的表情或生僻字），请删去后重新输入',
} as const;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text to store (the message to put after the field's name), or null. */
export function textFault(s: string): string | null {
  if (CONTROL.test(s)) return TEXT_MESSAGES.control;
  if (LONE_SURROGATE.test(s)) return TEXT_MESSAGES.surrogate;
  return null;
}
