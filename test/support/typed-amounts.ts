/**
 * What people type into an amount box, and what every door answers: the accepted number, or the
 * schema's Chinese message naming the field. One table for the schema (test/unit/policy/schema.test.ts),
 * the questionnaire (test/component/questionnaire-page.test.tsx) and the detail page's calculator
 * (test/component/policy-calculator.test.tsx), so both pages are proven to say the same thing.
 *
 * Messages are written out in full (not built from MSG), as the user reads them.
 */
import { formatInterval } from '../../shared/policy/engine';

export interface AmountField {
  /** Profile path (shared/policy/engine/paths.ts). */
  path: string;
  /** The measure whose calculator and questionnaire topic ask it. */
  measure: string;
  topic: string;
  unit: string;
}

export const AMOUNT_FIELDS = {
  /** 万元: （十四） 设备上云上平台的实际费用. */
  wan: { path: 'facts/m14.cloudCost', measure: 'm14', topic: 'digital', unit: '万元' },
  /** 人 (whole numbers): （七） 大国工匠 人数. */
  person: { path: 'facts/m07.greatCraftsmen', measure: 'm07', topic: 'craftsmen', unit: '人' },
  /** 吨, in a project entry: （十八） 节水技改项目 1 的年节水量. */
  ton: { path: 'projects/m18.water-saving/0/savedWater', measure: 'm18', topic: 'resources', unit: '吨' },
} satisfies Record<string, AmountField>;

export type FieldName = keyof typeof AMOUNT_FIELDS;

export interface TypedAmount {
  /** What this row shows. */
  what: string;
  field: FieldName;
  /** Exactly what is typed into the box. */
  typed: string;
  /** The value the profile gets when accepted… */
  accepted?: string;
  /** …or the message under the field (and from parseProfile, for that path). */
  message?: string;
}

const WAN = '「设备上云上平台的实际费用」';
const PERSON = '「本企业获评“大国工匠”的人数」';
const TON = '节水技术改造项目（含打捆项目）第 1 项：「项目年节水量」';

export const TYPED_AMOUNTS: TypedAmount[] = [
  // Refused, with the text kept and the problem named.
  { what: 'letters', field: 'wan', typed: 'abc', message: `${WAN}必须是数字，单位：万元` },
  { what: 'a letter O for a zero', field: 'wan', typed: '18O', message: `${WAN}必须是数字，单位：万元` },
  { what: 'a negative number', field: 'wan', typed: '-500', message: `${WAN}不能为负数` },
  { what: 'a full-width negative number', field: 'wan', typed: '－５００', message: `${WAN}不能为负数` },
  { what: 'an exponent', field: 'wan', typed: '1e9', message: `${WAN}必须是数字，单位：万元` },
  { what: 'far too large', field: 'wan', typed: '99999999', message: `${WAN}超过合理范围（最大 10000000万元），请检查单位是否为万元` },
  { what: 'a fraction of a person', field: 'person', typed: '1.5', message: `${PERSON}必须是整数` },
  { what: 'a fraction of a person with the unit', field: 'person', typed: '1.5人', message: `${PERSON}必须是整数` },
  // Empty and spaces-only rows were refused here (必须是数字) until issue 22, item 1: in a page a box
  // typed in and then emptied is a skipped answer (CLEARED_AMOUNTS below).
  // A number in another unit: never converted, the field's unit named.
  { what: 'another unit (元 in a 万元 field)', field: 'wan', typed: '2500元', message: `${WAN}的单位是万元，不是“元”` },
  { what: 'another unit (吨 in a 万元 field)', field: 'wan', typed: '3000吨', message: `${WAN}的单位是万元，不是“吨”` },
  // '12万' and '12万吨' in a 吨 field were refused here (不是“万”, 不是“万吨”) until issue 22, item 9: 万 and 亿
  // are numerals, accepted in every field (below).
  { what: 'another unit after 万 (万元 in a 吨 field)', field: 'ton', typed: '12万元', message: `${TON}的单位是吨，不是“元”` },
  { what: 'another unit (人 in a 万元 field), full-width', field: 'wan', typed: '３ 人', message: `${WAN}的单位是万元，不是“人”` },
  { what: 'a word that is no unit', field: 'ton', typed: '12斤', message: `${TON}必须是数字，单位：吨` },
  { what: 'a comma that groups no thousands', field: 'wan', typed: '1,20', message: `${WAN}必须是数字，单位：万元` },
  { what: 'a person count as words', field: 'person', typed: '三', message: `${PERSON}必须是数字，单位：人` },
  // Accepted: the number the user meant, never rounded or converted.
  { what: 'full-width digits', field: 'wan', typed: '２５００', accepted: '2500' },
  { what: 'full-width digits and point', field: 'wan', typed: '１２．５', accepted: '12.5' },
  { what: 'a thousands comma', field: 'wan', typed: '2,500', accepted: '2500' },
  { what: 'a full-width thousands comma', field: 'wan', typed: '2，500', accepted: '2500' },
  { what: 'the field’s unit as 万', field: 'wan', typed: '2500万', accepted: '2500' },
  { what: 'the field’s unit as 万元', field: 'wan', typed: '2500万元', accepted: '2500' },
  { what: 'the unit after a space', field: 'wan', typed: '2,500 万元', accepted: '2500' },
  { what: 'spaces around the number', field: 'wan', typed: ' 180 ', accepted: '180' },
  { what: 'tonnes in a 吨 field', field: 'ton', typed: '3000吨', accepted: '3000' },
  { what: '万 in a 吨 field (a numeral, not a unit)', field: 'ton', typed: '6万', accepted: '60000' },
  { what: '万 and the unit in a 吨 field', field: 'ton', typed: '12万吨', accepted: '120000' },
  { what: '亿 in a 万元 field', field: 'wan', typed: '0.25亿', accepted: '2500' },
  { what: '亿元 in a 万元 field', field: 'wan', typed: '0.25亿元', accepted: '2500' },
  { what: 'people in a 人 field', field: 'person', typed: '3人', accepted: '3' },
  { what: 'a plain whole number of people', field: 'person', typed: '2', accepted: '2' },
];

/**
 * A box typed in and then emptied (issue 22, item 1: "没有的可以跳过"): no message, nothing sent for
 * it, the results reachable — exactly as a box never touched, on the questionnaire and every 算一算,
 * and after a reload. (A JSON profile or a register that holds "" is another matter: schema.test.ts.)
 */
export interface ClearedAmount {
  what: string;
  field: FieldName;
  /** What is left in the box after typing a number. */
  typed: string;
}

export const CLEARED_AMOUNTS: ClearedAmount[] = [
  { what: 'a 万元 amount emptied', field: 'wan', typed: '' },
  { what: 'a 万元 amount left with spaces', field: 'wan', typed: '   ' },
  { what: 'a 吨 amount of a project emptied', field: 'ton', typed: '' },
  { what: 'a count of people emptied', field: 'person', typed: '' },
];

/** The profile that holds one typed value at a field's path (what a page sends for it). */
export function profileWith(field: FieldName, value: string): Record<string, unknown> {
  const path = AMOUNT_FIELDS[field].path;
  const parts = path.split('/');
  if (parts[0] === 'facts') return { version: 1, entity: 'enterprise', facts: { [parts[1]]: value } };
  return { version: 1, entity: 'enterprise', projects: { [parts[1]]: [{ facts: { [parts[3]]: value } }] } };
}

/**
 * Where the calculator shows the figure an accepted amount gives: its total when there is one; else
 * the line beside it that holds the figure — （七）'s craftsmen (paid to them, not the enterprise), a
 * fee not paid, what answers could add; a bare 0元 only when there is none of these.
 */
type Interval = { min: string; max: string };
export function calculatorFigure(res: { total: Interval; peopleTotal: Interval; savings: Interval; pending: Interval }): { id: string; text: string } {
  const some = (x: Interval) => !/^0+(\.0+)?$/.test(x.max);
  if (some(res.total)) return { id: 'mini-calc-total', text: formatInterval(res.total) };
  if (some(res.peopleTotal)) return { id: 'mini-calc-people', text: `本企业工匠个人可获 ${formatInterval(res.peopleTotal)}（发给个人，不计入企业合计）` };
  if (some(res.savings)) return { id: 'mini-calc-savings', text: `另可少缴费用 ${formatInterval(res.savings)}` };
  if (some(res.pending)) return { id: 'mini-calc-pending', text: `补充信息后可能再增加 ${formatInterval(res.pending)}` };
  return { id: 'mini-calc-total', text: formatInterval(res.total) };
}
