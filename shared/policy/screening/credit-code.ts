/**
 * 统一社会信用代码 (GB 32100-2015《法人和其他组织统一社会信用代码编码规则》): checkCreditCode reads a
 * cell as a code or says what is wrong with it; CREDIT_CODE_LENGTH is its length; withCheckCharacter
 * completes 17 characters with their check character (the test fixtures). A park register
 * keeps the code as each enterprise's identity; the screening only carries it into the result.
 *
 * The standard's rules, as checked here: 18 characters — 登记管理部门码 (1), 机构类别码 (1),
 * 登记管理机关行政区划码 (6 digits), 主体标识码 (9), 校验码 (1) — from the character set
 * 0–9 and the capital letters without I、O、Z、S、V (§4.2: 不使用 I、O、Z、S、V), each character
 * worth its place in that set (0–30); the check character is C18 = 31 − (Σ Ci × Wi mod 31) for
 * the first 17, with Wi = 3^(i−1) mod 31 (§5.3, 附录 表 B.1), 31 written as 0.
 */

/** The standard's 31 characters, in the order of their values 0–30. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;
/** Wi = 3^(i−1) mod 31, i = 1…17. */
const WEIGHTS = Array.from({ length: CREDIT_CODE_LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export type CreditCodeReading = { ok: true; code: string } | { ok: false; message: string };

/** The check character the standard gives the first 17 characters (each already in the set). */
function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < first17.length; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** A cell's text as a code: capitals (a lower-case letter is the same character), spaces at either end ignored. */
export function checkCreditCode(text: string): CreditCodeReading {
  const code = text.trim().toUpperCase();
  if ([...code].length !== CREDIT_CODE_LENGTH) return { ok: false, message: `应为 ${CREDIT_CODE_LENGTH} 位（现为 ${[...code].length} 位）` };
  const bad = [...code].find((c) => !CHARSET.includes(c));
  if (bad !== undefined) return { ok: false, message: `含有不能用的字符「${bad}」（只用数字和除 I、O、Z、S、V 以外的大写字母）` };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, message: '第 3–8 位应为行政区划代码（6 位数字）' };
  if (checkCharacter(code.slice(0, 17)) !== code[17]) return { ok: false, message: '校验码不对（最后一位与前 17 位不符），请核对是否抄错' };
  return { ok: true, code };
}

/** A valid code from its first 17 characters (the test fixtures write registers with it). */
export function withCheckCharacter(first17: string): string {
  return first17 + checkCharacter(first17);
}
