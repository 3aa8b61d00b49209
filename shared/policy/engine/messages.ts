/**
 * Error messages as named constants (MSG: Chinese, shown to users). `{name}` placeholders are filled
 * by fill, the one filling of the app's messages (the schema's, the JSON reader's, the file reader's).
 */
export const MSG = {
  notObject: '档案必须是一个对象',
  version: '「版本」（version）必须是 1',
  entity: '「主体类型」（entity）必须是 enterprise（企业）或 park（园区）',
  tri: '「{label}」（{field}）只能是 是 / 否 / 不确定（true / false / "unknown"）',
  choice: '「{label}」（{field}）只能是以下之一：{options}',
  notNumber: '「{label}」（{field}）必须是数字，单位：{unit}',
  /** A number followed by another field's unit ("3000吨" in a 万元 field); {typed} is that unit word. */
  wrongUnit: '「{label}」（{field}）的单位是{unit}，不是“{typed}”',
  negative: '「{label}」（{field}）不能为负数',
  tooLarge: '「{label}」（{field}）超过合理范围（最大 {max}{unit}），请检查单位是否为{unit}',
  tooPrecise: '「{label}」（{field}）最多保留 {places} 位小数',
  notInteger: '「{label}」（{field}）必须是整数',
  required: '缺少必填字段「{field}」',
  objectField: '「{field}」必须是对象',
  unknownField: '未知字段「{field}」，请删除或检查拼写',
  tooManyEntries: '「{label}」最多填写 {max} 项',
  text: '「{label}」（{field}）必须是不超过 {maxText} 个字的文字',
  countyCode: '「旗县区代码」（{field}）必须是 6 位数字',
  topics: '「关注主题」（topics）包含未知主题',
  notArray: '「{label}」（{field}）必须是列表',
  entryObject: '「{label}」第 {n} 项必须是对象，形如 {"facts": {…}}',
} as const;

/** `{name}` placeholders filled from `values`; one not given stays as written (never "undefined"). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key in values ? String(values[key]) : `{${key}}`));
}
