/**
 * `npm run screen -- --template`'s choice, as a person types it (issue 27, item 1): readTemplateChoice
 * reads --topics (the questionnaire's topic names, or a word only one of them contains: 技术改造),
 * --measures (八, （八）, 8) and --projects (1 to MAX_ENTRIES) into a TemplateChoice, or says in
 * Chinese what is wrong, listing the topic names.
 */
import { MAX_ENTRIES, TOPICS, type Catalog, type TopicId } from '../engine';
import { measureOfName, topicOfName, TEMPLATE_PROJECTS, type TemplateChoice } from '../screening';

export type ChoiceReading = { ok: true; choice: TemplateChoice; said: string } | { ok: false; message: string };

const words = (text: string) => text.split(/[,，、]/).map((w) => w.trim()).filter((w) => w !== '');

export function readTemplateChoice(opts: { topics?: string; measures?: string; projects?: string }, catalog: Catalog): ChoiceReading {
  const topics: TopicId[] = [];
  for (const w of words(opts.topics ?? '')) {
    const t = topicOfName(w);
    if (!t) return { ok: false, message: `没有「${w}」这个主题。可选的主题：${TOPICS.map((x) => x.label).join('、')}` };
    if (!topics.includes(t)) topics.push(t);
  }
  if (opts.topics !== undefined && topics.length === 0) return { ok: false, message: `--topics 后面要写主题，如：${TOPICS[0].label}` };
  const measures: string[] = [];
  for (const w of words(opts.measures ?? '')) {
    const m = measureOfName(w, catalog);
    if (!m) return { ok: false, message: `没有第「${w}」条措施：措施编号为 一 到 ${catalog.measures.at(-1)!.label.replace(/[（）]/g, '')}（也可写 1 到 ${catalog.measures.length}）` };
    if (!measures.includes(m.id)) measures.push(m.id);
  }
  if (opts.measures !== undefined && measures.length === 0) return { ok: false, message: '--measures 后面要写措施编号，如：八' };
  const projects = opts.projects === undefined ? TEMPLATE_PROJECTS : Number(opts.projects);
  if (!/^\d+$/.test(opts.projects ?? '1') || !Number.isInteger(projects) || projects < 1 || projects > MAX_ENTRIES) {
    return { ok: false, message: `--projects 应为 1 到 ${MAX_ENTRIES} 之间的整数：${opts.projects}` };
  }
  const picked = [
    ...topics.map((t) => TOPICS.find((x) => x.id === t)!.label),
    ...measures.map((id) => `第${catalog.measures.find((m) => m.id === id)!.label}条`),
  ];
  const said = `${picked.length > 0 ? picked.join('、') : '全部主题'}，每种条目 ${projects} 项`;
  return { ok: true, choice: { ...(topics.length ? { topics } : {}), ...(measures.length ? { measures } : {}), projects }, said };
}
