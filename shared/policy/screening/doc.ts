/**
 * docs/screening.md (screeningDoc), generated from the same columns as the template (columns.ts), so
 * the document, the template and the reader cannot drift apart; `npm run screen -- --doc` rewrites
 * it and a test compares the committed file with this text (as docs/profile.md is, by profile-doc.ts).
 */
import { CELL_MAX_CHARS } from './cell-text';
import { CLI_LIMITS, FUNCTION_LIMITS } from './read-table';
import { entitiesFor, entityName, MAX_ENTRIES, SCREEN_CHUNK_ROWS, SCREEN_MAX_FILE_BYTES, SCREEN_MAX_ROWS, TOPICS, type Catalog } from '../engine';
import { FLAG_WORDS, TEMPLATE_PROJECTS, TEMPLATE_SLOTS, UNSURE_WORDS, repeatedItems, screenColumns } from './columns';
import { CODE_COLUMN, HEADER_SYNONYMS, HEADERS_ASIDE } from './header-synonyms';
import { NOT_USED } from './header-match';
import { listedCounties } from './county-hint';
import { GROUP_TITLES } from '../view';
import { asksNothing } from './row-result';
import { LIST_CONCLUSION, SHEETS } from './write-result';
import { LAST_DROPDOWN_ROW, NOTES_SHEET } from './write-table';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export function screeningDoc(catalog: Catalog): string {
  const columns = screenColumns(catalog);
  const techOnly = screenColumns(catalog, { measures: ['m08'] });
  const items = catalog.measures.flatMap((m) => m.items.map((i) => ({ m, i })));
  const quiet = asksNothing(catalog);
  const repeats = repeatedItems(catalog);
  return [
    '# 政策找企业：筛查表',
    '',
    `本文件由 \`npm run screen -- --doc\` 从目录数据生成，请勿手改。政策来源：《${catalog.title}》。`,
    '',
    '园区办公室或主管部门手里有一份企业名单，想知道名单上每家企业（或园区）可以申请什么、能拿多少：把名单填进筛查表，一条命令算出全部结果。',
    '',
    '```bash',
    'npm run screen -- --template --out 模板目录      # 写出空白模板：政策筛查模板.xlsx 和 .csv（全部主题）',
    'npm run screen -- --template --topics 投资与技术改造,绿色制造 --projects 2 --out 模板目录',
    'npm run screen -- --template --measures 八 --out 模板目录   # 只筛查第（八）条（技术改造）',
    'npm run screen -- 名单.xlsx --out 结果.xlsx       # 或 名单.csv；不写 --out 时结果在名单旁边：名单-测算结果.xlsx',
    '```',
    '',
    `模板只含所选的主题（问卷第 2 步的主题：${TOPICS.map((t) => t.label).join('、')}；可写主题名中独有的词，如「技术改造」）或措施（编号，如 八、（八）、8）的列；都不写时含全部措施。\`--projects\` 为每种可填多项的条目留几组列（默认 ${TEMPLATE_PROJECTS}，最多 ${MAX_ENTRIES}）。例如只筛查第（八）条的模板共 ${techOnly.length} 列。未知的主题或措施、不合理的项数：退出码 2，并列出可选的主题。`,
    '',
    '相对路径从运行 npm 的目录算起。结束时打印一行：行数、拒绝的行数、用时（秒）、每秒行数。退出码：0 完成（有被拒绝的行也是 0，它们在结果里）；1 文件根本无法读取（不存在、不是 .xlsx、CSV 不是 UTF-8、表头没有「主体类型」…，中文说明原因）；2 参数有误。',
    '',
    '## 为什么一行一家企业',
    '',
    `表的格式是**一行一家企业（或园区）**，可填多项的条目（项目、产品、品种）放在编了号的列里：模板里每种条目默认 ${TEMPLATE_PROJECTS} 项（「${repeats[0]?.repeat?.noun ?? '项目'}1：…」），下载时可选更多（「…2：…」「…3：…」）。`,
    '',
    '- 园区手里的名单本来就是一行一家：把名单粘进「名称」列，逐列填写即可；结果也是一行一家，可以按合计排序、筛选。',
    '- 另一种写法（一行一个项目，重复填企业名称）要求每个项目行重复企业自己的答案，并靠名称把几行认成同一家企业——名称写法稍有不同就会算错，在 Excel 里也难以核对。多数企业每种条目只有一两个项目，所以选了编号列。',
    `- 项目多于模板的组数时，复制该条目的一组列，把编号改成下一个数（最多 ${MAX_ENTRIES}）即可；读表时按表头认列，列的顺序不限。`,
    '- 名单里自己的列（联系人、电话…）可以留着：读表时不使用，并在结束时列出这些列名。',
    '',
    '## 表头与填写',
    '',
    '- 第 1 行是表头：每列一个问题，前面是它对应的措施编号，单位写在括号里，如「（八）技术改造项目1：项目实际完成投资额（万元）」；名称、主体类型、中小企业、所在地和脱贫地区、革命老区几列不属于某一条措施，没有编号。以前发出的模板（表头两行：问题，和档案中的字段编号，见 [profile.md](profile.md)）照样能读：问题或字段编号任一能认出即可。',
    '- 第 2 行是填写说明（读表时跳过），从第 3 行起每行一家。完全空白的行跳过。',
    `- 模板的 .xlsx 冻结了表头两行和「名称」「主体类型」两列；是/否题、选择题、「主体类型」「盟市名称」「旗县区名称」列有下拉选项（第 3 行到第 ${LAST_DROPDOWN_ROW} 行；旗县区为问卷里的 103 个，名单放在一张隐藏的表里）。`,
    `- 模板的第二张表「${NOTES_SHEET}」逐列写明：列名、怎么填、对应措施（编号和标题）、条款原文（这一列的回答用于哪句条文，摘自目录数据）；下面列出数据中曾是贫困旗县的 ${listedCounties().length} 个旗县区（国家级、已确认的自治区级）和来源。`,
    '- 脱贫地区只提示、不替你判断（和问卷一样）：某行「脱贫地区」空着或填「不确定」，而「旗县区名称」在上述名单里，结果的「需要补充信息」第一条写「请确认是否属于脱贫地区：……」；金额仍按该行自己的回答计算。',
    `- 是/否题：${Object.keys(FLAG_WORDS).filter((w) => !/^[a-z]/.test(w)).join(' / ')}（也接受 ${Object.keys(FLAG_WORDS).filter((w) => /^[a-z]/.test(w)).join(' / ')}）；选择题：选项文字或选项编号，或 ${UNSURE_WORDS[0]}；数字：该列单位下的数，可写千位逗号、全角数字、万和亿以及该列自己的单位（2,500、２５００、2500万、0.25亿元；吨的列里 6万吨 即 60000吨），或 ${UNSURE_WORDS[0]}。空着 = 未填写（该事项按未涉及处理）。`,
    '- 「不确定」的事项列在「需要补充信息」，并给出两种答案下的金额，和问卷一样。',
    '- 每个格子都按问卷、`npm run calc` 和云函数同一个 schema 校验。不合格的格子不会被改写：整行不测算，在结果的「未能测算的行」里逐条写明，如 `第 5 行「技术改造项目1：项目实际完成投资额（万元）」不能为负数`。其余的行照常测算。',
    '- .xlsx 里的数字按 Excel 显示的 15 位有效数字读取（公式算出的 1500.3000000000002 读作 1500.3）；日期放在数字列会被拒绝。CSV 须为 UTF-8（Excel 的「CSV UTF-8（逗号分隔）」）；普通「CSV（逗号分隔）」在中文 Windows 上是 GBK 编码，会被拒绝并提示另存。',
    `- .xlsx 读第一个可见的工作表（隐藏的跳过）；有几个可见工作表时会说明读的是哪一个，可用 \`--sheet <名称>\`（小程序里点「改读」）换一个。合并单元格会被拒绝并指出区域（请取消合并、逐格填写）；一格超过 ${CELL_MAX_CHARS} 个字符（Excel 的上限）的行不测算；空行超过 ${FUNCTION_LIMITS.blankRows} 行的文件会被拒绝（多半是整张表设置过格式）；解压后过大的 .xlsx 会被拒绝（云函数：工作表 ${mb(FUNCTION_LIMITS.xlsx.sheetBytes)} MB、共享字符串 ${mb(FUNCTION_LIMITS.xlsx.sharedStringsBytes)} MB；命令行：${mb(CLI_LIMITS.xlsx.sheetBytes)} MB、${mb(CLI_LIMITS.xlsx.sharedStringsBytes)} MB）。`,
    `- 名单没有「关注主题」：无需回答问题、名单上每家企业（或每个园区）都有的支持，和问卷不选主题时的结果页一样，列在每行的「${GROUP_TITLES.nonMonetary}」里（「${SHEETS.measures}」的行数不计它们）。它们是：`,
    '',
    ...items.filter(({ i }) => quiet.has(i.id)).map(({ m, i }) => `  - ${m.label}${i.title}（${entitiesFor(i.audience).map(entityName).join('、')}）`),
    '',
    '## 园区自己的名单',
    '',
    `- 不必改成模板：任何一行表头的 .xlsx / .csv 都能读。每列按表头文字认：先认模板自己的列名，再认名单常用的写法（如 ${HEADER_SYNONYMS.find((h) => h.id === '名称')!.headers.slice(0, 4).join('、')} → 名称；${HEADER_SYNONYMS.find((h) => h.id === 'region.countyName')!.headers.slice(0, 3).join('、')} → 旗县区名称）。空格、全角半角括号、开头的「是否」和结尾的问号不影响。`,
    `- ${HEADERS_ASIDE.map((a) => `${a.headers[0]}：不读（${a.reason}）`).join('；')}。认不出的列（联系人、电话……）不使用，并一一列出。`,
    '- 没有「主体类型」列时，每一行都按「企业」测算（园区的名单列的是企业）。',
    `- 按同义列名认出的列、或没有「主体类型」列，要先确认：\`npm run screen -- 名单.xlsx\` 列出每列读作什么后停下（退出码 3），加 \`--yes\` 确认，或用 \`--map "列名=读作"\`（可写多次；\`"列名=${NOT_USED}"\` 不用这一列）改；小程序里在列表中逐列选择后点「确认并测算」。确认过的对应会记住（命令行：\`~/.config/policy-abacus/screen-mappings.json\`；小程序：按使用者），下次同样表头的名单直接测算，并说明「沿用上次确认的列对应」。`,
    `- ${CODE_COLUMN}：按 GB 32100-2015 校验（18 位、校验码），只作为这一行是哪家企业的标识，写在结果的「名称」后面，不参与测算；校验不过的行不测算并写明原因。`,
    '',
    '## 结果文件',
    '',
    `- 「${SHEETS.rows}」：每个测算的行一行——合计可申请（文字，和下限、上限两列万元数字，便于排序）、涉及几条措施、可申请的事项及金额和性质（精确 / 至少 / 最高 / 减免 / 金额待核定）、本企业工匠个人可获、需要补充信息（含两种答案下的金额）、差一点（还差多少）、非资金支持（和结果页一样）、另计（金额待核定、工匠个人、少缴费用、补充信息后可能增加的金额）。`,
    `- 「${SHEETS.measures}」：每条措施有多少行可以申请、金额合计（范围写成 下限–上限）、工匠个人可获合计、可少缴费用合计、金额待核定 / 需要补充信息 / 差一点的行数；最后一行是各措施相加。金额用十进制精确相加（每个金额已按问卷同样的规则四舍五入到分），所以各措施的金额合计之和等于各行合计之和。`,
    `- 「${SHEETS.list}」：发通知用的名单。按措施（目录顺序）先列可以申请的行，再列可能可以申请、要先向企业确认的行，一行一个事项：措施、事项、行号、名称（名单有统一社会信用代码时也列出）、结论（${LIST_CONCLUSION.claim} / ${LIST_CONCLUSION.might}）、金额（写法同「${SHEETS.rows}」）、需确认（要向企业核实的问题和各种答案下的金额，如「需要确认：「项目是否属于先进制造业集群或优势特色产业链的技术改造…」；若为“是”：500万元；若为“否”：不符合」）、依据（条文原文）。表头可以筛选。名单上每家都有、无需回答问题的支持不列入。超过一张表的行数（1048576 行）时接着写在「${SHEETS.list}（2）」…。`,
    `- 「${SHEETS.refused}」：行号、名称和全部原因。`,
    '',
    '## 在小程序里：园区批量测算',
    '',
    '管理员（和管理员在「管理员」页添加的园区工作人员；与其他管理页同一规则，云函数再核对一次）在「管理 → 园区批量测算」页：',
    '',
    '1. 选要筛查的主题（可多选，不选 = 全部）和每种条目填几项（默认 1），再打开（H5：下载）空白模板 `政策筛查模板.xlsx`，可发送到聊天，在电脑上填写；',
    '2. 把填好的名单发到任一微信聊天（如「文件传输助手」），在页面上「从聊天中选择名单」（H5：选择文件）；',
    `3. 文件上传到自己的云存储文件夹（\`screen/<用户编号>/<测算编号>/\`），云函数 \`screen\` 读表头，把名单读一遍、每 ${SCREEN_CHUNK_ROWS} 行存成一段（在同一文件夹里），然后每次调用只读自己那一段、测算 ${SCREEN_CHUNK_ROWS} 行，页面显示「已测算 N / M 行」和未能测算的行数；`,
    '4. 全部测算完，云函数把各段合并成与 `npm run screen` 完全相同的结果文件（同样四张表，测试逐格比较），并删除上传的名单、各段的行和中间结果；',
    '5. 打开结果（微信的文档查看器，菜单里可保存、转发）、发送到聊天，或删除；以前的结果列在「我的测算结果」，只有本人能看到、打开和删除。',
    '',
    '页面上写明：名单只用于这次测算：上传的文件和中间结果在生成结果后即删除，只保留结果文件；结果文件只有你能打开，可随时删除。中途离开页面，这次测算连同上传的文件一起删除；微信关掉小程序时来不及删的，在同一人下次打开这一页或开始测算时删除（一小时未动的测算）。测算记录（数据库集合 `screenJobs`）只有文件名、行数和文件编号，没有企业的数据。',
    '',
    `限制：一次最多 ${SCREEN_MAX_ROWS} 行、${SCREEN_MAX_FILE_BYTES / 1024 / 1024} MB（更大的名单请拆分，或用 \`npm run screen\`）。云函数超时设为 20 秒（\`cloudfunctions/screen/config.json\`）。在 2 核、负载约 2.5 的机器上测得：20 000 行的 .xlsx（2.0 MB）读表头并数行 1.0 秒，每段 ${SCREEN_CHUNK_ROWS} 行中位 0.9 秒、最慢 1.7 秒（最后一段要先读过前面的行），合并写出结果 1.0 秒；.csv（4.0 MB）分别为 0.6、0.5、0.9、1.1 秒——每行约 0.5–0.9 毫秒，最慢的一次调用也不到超时的十分之一。`,
    '',
    '## 各列',
    '',
    `含全部主题、每种条目 ${TEMPLATE_SLOTS} 项的模板共 ${columns.length} 列（默认每种条目 ${TEMPLATE_PROJECTS} 项，共 ${screenColumns(catalog, {}).length} 列；只选部分主题时是其中的一部分）。`,
    '',
    '| 列（表头） | 档案中的字段（以前的模板写在表头第二行） | 填写（第 2 行） |',
    '|---|---|---|',
    ...columns.map((c) => `| ${cell(c.header)} | \`${cell(c.id)}\` | ${cell(c.explain)} |`),
    '',
  ].join('\n');
}
