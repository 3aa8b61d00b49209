/** docs/profile.md, generated from the catalog so it cannot drift: every profile field and item id. */
import { TOPICS } from '../catalog/common-facts';
import { headline } from '../headline';
import type { Catalog, FactDef } from '../types';

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
    '',
    '## 顶层字段',
    '',
    '| 字段 | 含义 | 取值 |',
    '|---|---|---|',
    '| `version` | 档案格式版本 | `1` |',
    '| `entity` | 企业还是工业园区 | `"enterprise"` / `"park"` |',
    '| `sme` | 是否为中小企业 | `true` / `false` / `"unknown"` |',
    '| `region.poverty` | 项目所在旗县区是否属于脱贫地区（第（八）条门槛降为 1000万元） | `true` / `false` / `"unknown"` |',
    '| `region.oldRevolutionary` | 项目所在旗县区是否属于革命老区（同上） | `true` / `false` / `"unknown"` |',
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
