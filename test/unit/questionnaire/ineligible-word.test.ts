/**
 * One word for an item the answers do not qualify for (issue 23, item 4): 不符合, as the results
 * page heads its group (不符合（N 项）) — the word every user who finishes the questionnaire sees —
 * on every surface that names that status.
 */
import fs from 'fs';
import path from 'path';
import { catalog2022, type ItemResult } from '../../../shared/policy/engine';
import { sheetContent } from '../../../shared/policy/pictures';
import { GROUP_TITLES, INELIGIBLE, STATUS_TEXT, alternativeLine } from '../../../shared/policy/view';
import { engine } from '../../support/engine';
import { filesUnder } from '../../support/source-files';

const NOTHING = { version: 1, entity: 'enterprise', topics: ['platforms'], facts: { 'm01.techCenter': false } };
const meta = { appName: '政策算盘', who: '企业', date: '2025-03-01', listName: catalog2022.title, listStatus: '在执行', code: { state: 'image' } } as const;
const result = engine(NOTHING);
const ineligible = result.items.find((r) => r.status === 'ineligible')!;
const alternative = { status: 'ineligible', assume: '若为“否”', amount: ineligible.amount } as unknown as Parameters<typeof alternativeLine>[1];

it.each([
  ['the results page’s group heading', () => GROUP_TITLES.ineligible],
  ['the detail page calculator’s badge', () => STATUS_TEXT.ineligible],
  ['an unsure answer’s alternative that would not qualify', () => alternativeLine(ineligible as ItemResult, alternative).figure],
  ['the 测算单’s line of what it leaves out', () => /项(\S+?)，详见小程序$/.exec(sheetContent(result, meta).omitted)?.[1]],
])('%s says 不符合', (_surface, word) => {
  expect(word()).toBe('不符合');
  expect(word()).toBe(INELIGIBLE);
});

/** Every .ts/.tsx file under `dir`, as paths from the repository root. */
const sources = (dir: string) => filesUnder(dir, /\.tsx?$/, ROOT);
const ROOT = path.join(__dirname, '../../..');

it.each([...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'shared'))])('%s never says 暂不符合 (the status is 不符合)', (file) => {
  expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).not.toContain('暂不符合');
});
