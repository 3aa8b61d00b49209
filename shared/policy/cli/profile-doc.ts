/** docs/profile.md (profileDoc), generated from the catalog so it cannot drift: every profile field and item id. */
import { TOPICS, commonFact, regionEffect, regionKey, readTypedNumber, type Catalog, type FactDef, type RegionFlag } from '../engine';
import { headline } from '../view';

function type(f: FactDef): string {
  switch (f.type) {
    case 'flag':
      return '`true` / `false` / `"unknown"`';
    case 'choice':
      return `${f.options.map((o) => `\`"${o.value}"\`（${o.label}）`).join(' / ')} / \`"unknown"\``;
    case 'amount':
      return `数字或数字文本，单位 **${f.unit}**${f.integer ? '，整数' : ''}，0 ≤ 值 ≤ ${f.max}；或 \`"unknown"\``;
  }
}

const row = (id: string, f: FactDef) => `| \`${id}\` | ${f.label} | ${type(f)} |`;

/** A common fact's row, its words from the catalog's common facts (and what a region changes, from the records). */
function commonRow(id: 'sme' | 'region.poverty' | 'region.oldRevolutionary'): string {
  const f = commonFact(id);
  const region = regionKey(id) as RegionFlag | undefined;
  const effect = region ? regionEffect(region) : '';
  return `| \`${id}\` | ${f.label.replace(/？$/, '')}${effect ? `（${effect}）` : ''} | ${type(f)} |`;
}

export function profileDoc(catalog: Catalog): string {
  const out: string[] = [
    '# 档案（profile）字段与条目编号',
    '',
    `本文件由 \`npm run docs:profile\` 从目录数据生成，请勿手改。政策来源：《${catalog.title}》。`,
    '',
    '档案是一个 JSON 对象，交给 `npm run calc -- <档案.json>`、小程序问卷和 `calculate` 云函数时都用同一个 schema 校验（未知字段、负数、非数字、过大的值都会被拒绝，并用中文指出字段）。',
    '',
    '```json',
    '{ "version": 1, "entity": "enterprise", "region": { "poverty": false, "oldRevolutionary": true },',
    '  "facts": { "m01.techCenter": true },',
    '  "projects": { "m08.upgrade": [{ "name": "2 号线技改", "facts": { "chain": true, "investment": 3000 } }] } }',
    '```',
    '',
    '- 未填写的字段：该条目视为“未涉及”；填 `"unknown"`（不确定）：该条目显示“需要补充信息”并给出两种答案下的金额。',
    '- 金额单位以下表为准（多数为**万元**），最多 6 位小数（即 0.01 元）。',
    `- 数字文本可以用全角数字（２５００）、千位逗号（2,500）、万和亿，并可在后面写上该字段自己的单位：万元的字段里 2500万元、2500万、0.25亿元 都是 ${readTypedNumber('0.25亿元', '万元')}万元；吨的字段里 3000吨、6万吨 是 ${readTypedNumber('3000吨', '吨')}、${readTypedNumber('6万吨', '吨')} 吨。别的单位（万元的字段写 2500元）原样保留并指出问题，不会被换算。`,
    '',
    '## 顶层字段',
    '',
    '| 字段 | 含义 | 取值 |',
    '|---|---|---|',
    '| `version` | 档案格式版本 | `1` |',
    `| \`entity\` | ${commonFact('entity').label.replace(/？$/, '')} | ${commonFact('entity').options.map((o) => `\`"${o.value}"\`（${o.label}）`).join(' / ')} |`,
    commonRow('sme'),
    commonRow('region.poverty'),
    commonRow('region.oldRevolutionary'),
    '| `region.cityName` / `region.countyName` | 盟市、旗县区名称（仅显示用） | 不超过 40 字 |',
    '| `region.countyCode` | 旗县区 GB/T 2260 代码 | 6 位数字 |',
    `| \`topics\` | 问卷第 2 步选择的主题；企业填写后，无需回答问题的非资金支持只在所选主题内列出 | ${TOPICS.map((t) => `\`"${t.id}"\``).join(' ')} |`,
    '| `facts` | 各条措施的问题答案，见下 | 对象 |',
    '| `projects` | 可填多项的条目（项目、产品、品种），按条目编号分组，见下 | 对象 |',
    '',
    '## 各条措施',
    '',
  ];
  for (const m of catalog.measures) {
    out.push(`### ${m.label}${m.title}（${headline(m, catalog)}）`, '');
    if (m.facts.length > 0) {
      out.push('`facts` 中的字段：', '', '| 字段 | 问题 | 取值 |', '|---|---|---|', ...m.facts.map((f) => row(f.id, f)), '');
    }
    out.push('| 条目编号 | 名称 | 类型 |', '|---|---|---|');
    for (const i of m.items) out.push(`| \`${i.id}\` | ${i.title} | ${i.kind}${i.repeat ? '（可填多项）' : ''} |`);
    out.push('');
    for (const i of m.items.filter((x) => x.repeat)) {
      out.push(
        `\`projects["${i.id}"]\`：${i.repeat!.noun}列表，每项 \`{ "name": "可选名称", "facts": { … } }\`：`,
        '',
        '| 字段 | 问题 | 取值 |',
        '|---|---|---|',
        ...i.repeat!.facts.map((f) => row(f.id, f)),
        '',
      );
    }
  }
  return out.join('\n');
}
