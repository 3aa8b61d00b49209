/**
 * What WeChat's tools cannot set, printed at the end of `npm run deploy` (consoleChecklist,
 * FIRST_DEPLOY_NOTE): done by hand in the cloud console or mp.weixin.qq.com, once per environment
 * or per release. README › Deploying keeps the same list.
 *
 * Why each is by hand (miniprogram-ci 2.1.42, read offline): its public API uploads code
 * (`upload`), a function's folder (`cloud.uploadFunction`, which creates a missing function with
 * runtime Nodejs8.9, 256 MB, 3 s) and timer triggers (`cloud.createTimeTrigger`); it has nothing for
 * a function's timeout, memory, runtime or environment variables, database collections, their
 * permissions or indexes, storage permissions, subscribe-message templates, the privacy guide or 客服.
 * The collections and their indexes are COLLECTION_SPECS's, the list README › Collections shows.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REMINDER_TEMPLATES } from '../../shared/cloud';
import { COLLECTION_PERMISSION, COLLECTION_SPECS, type CollectionSpec } from '../../shared/cloud/repos';
import { DEFAULT_TIMEOUT_S, type DeployPlan } from './plan';

/** Printed with the plan: a function miniprogram-ci creates gets a runtime our bundles cannot run on. */
export const FIRST_DEPLOY_NOTE =
  '首次部署到一个环境之前：在云开发控制台 → 云函数 → 新建云函数，以 Node.js 16 运行环境先建好这些函数' +
  '（miniprogram-ci 遇到不存在的函数会以 Nodejs8.9 新建，跑不了按 node16 打包的代码）。';

/** 'closesOn 升序 + _id 升序；…' as the console's 添加索引 asks for them, from COLLECTION_SPECS. */
function indexWords(spec: CollectionSpec): string {
  if (spec.indexes.length === 0) return '无需索引';
  return spec.indexes.map((i) => i.fields.map(([field, d]) => `${field} ${d === 'asc' ? '升序' : '降序'}`).join(' + ')).join('；');
}

/** The numbered list; `problems` are what the run itself could not do (e.g. a trigger WeChat refused). */
export function consoleChecklist(plan: DeployPlan, problems: string[] = []): string[] {
  const timed = plan.functions.filter((f) => f.timeout !== undefined && f.timeout !== DEFAULT_TIMEOUT_S);
  const openapi = plan.functions.filter((f) => f.permissions.length > 0);
  const templates = Object.values(REMINDER_TEMPLATES).map((t) => t.id);
  const placeholders = templates.filter((id) => /PLACEHOLDER/.test(id));
  const privacy = path.join(plan.root, 'docs/privacy.md');
  const collections = COLLECTION_SPECS.filter((s) => !s.localOnly);
  const items = [
    ...problems,
    `云函数超时时间（控制台 → 云函数 → 函数配置；config.json 里的数字）：${timed.map((f) => `${f.name} ${f.timeout} 秒`).join('，')}；screen 内存 512 MB（README › 园区批量测算）。`,
    '环境变量（同一处）：deadlines 的 ADMIN_BOOTSTRAP_CODE（首位管理员，至少 16 位，README › Admins）；可选 remind 的 REMIND_BUDGET_MS、REMIND_CONCURRENCY、MINIPROGRAM_STATE，qrcode 的 QRCODE_ENV_VERSION。',
    `云调用权限：config.json 随代码上传（${openapi.map((f) => `${f.name}：${f.permissions.join('、')}`).join('；')}）；在控制台的函数详情里确认已生效。`,
    `数据库（控制台 → 数据库）：集合由云函数在第一次写入时建立；建立后把每个集合的权限设为「${COLLECTION_PERMISSION.label}」，并建好索引（README › Collections 的表）：` +
      `${collections.map((s) => `${s.name}（${indexWords(s)}）`).join('，')}。`,
    '云存储权限设为「仅创建者可读写」；downloadFile 合法域名包含云存储临时链接的域名（README › 园区批量测算）。',
    placeholders.length > 0
      ? `订阅消息模板：shared/cloud/templates.ts 里仍是占位符（${placeholders.join('、')}）——在 mp.weixin.qq.com → 订阅消息 选好模板，填入 id 和字段后重新部署，否则提醒发不出去。`
      : `订阅消息模板：确认 mp.weixin.qq.com → 订阅消息 里有 ${templates.join('、')}，字段与 shared/cloud/templates.ts 一致。`,
    `用户隐私保护指引（mp.weixin.qq.com → 设置 → 服务内容声明）：按 docs/privacy.md 填写${existsSync(privacy) ? '' : '（docs/privacy.md 尚未写好）'}。`,
    '客服（mp.weixin.qq.com → 功能 → 客服）：开启并添加回答的客服人员，页面上的「问工作人员」打开的就是它。',
    `版本管理（mp.weixin.qq.com → 管理 → 版本管理）：开发版本 ${plan.version} 先设为体验版试用，再提交审核、发布。`,
  ];
  return items.map((line, i) => `${i + 1}. ${line}`);
}
