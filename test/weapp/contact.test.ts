/**
 * 问工作人员 in the WeChat build (issue 26, item 4): home, results and a measure's page each have
 * WeChat's customer-service button (open-type="contact") offering the page as a card, so the staff
 * member who receives it opens what the person was looking at.
 */
import { catalog2022 } from '../../shared/policy/engine';
import { UPGRADE_2100_DRAFT } from '../support/drafts';
import { launch } from './harness';

const mp = launch();
beforeEach(() => mp.reset());
afterEach(() => expect(mp.errors).toEqual([]));

/** Where the app keeps its answers (src/state/storage.ts). */
const DRAFT_KEY = 'policy-abacus:answers:v1';
const M08 = catalog2022.measures.find((m) => m.id === 'm08')!;

/** Opens the page as a person would find it: results after answering, a measure from a link. */
async function open(url: string, ready: string) {
  mp.storage.set(DRAFT_KEY, UPGRADE_2100_DRAFT);
  await mp.reLaunch(url);
  await mp.waitFor(() => mp.has(ready), ready);
}

describe('问工作人员 opens WeChat’s customer service with the page as a card', () => {
  it.each([
    ['the home page', '/pages/index/index', 'home-lead', 'home-contact', '/pages/index/index', undefined],
    ['the results page', '/pages/results/index', 'results-total', 'results-contact', '/pages/results/index', '我的测算结果'],
    ['a measure’s page', '/pages/policy/detail/index?id=m08', 'detail-title', 'detail-contact', '/pages/policy/detail/index?id=m08', `第${M08.label}条 ${M08.title}`],
    [
      'a measure’s page opened at one item',
      '/pages/policy/detail/index?id=m08&item=m08.upgrade',
      'detail-title',
      'detail-contact',
      '/pages/policy/detail/index?id=m08&item=m08.upgrade',
      `第${M08.label}条 ${M08.title}`,
    ],
  ])('%s has a 问工作人员 button whose card opens that page', async (_page, url, ready, id, path, title) => {
    await open(url, ready);
    const button = mp.byId(id);
    expect(button.is).toBe('button');
    expect(mp.text(button)).toBe('问工作人员');
    expect(mp.attr(button, 'open-type')).toBe('contact');
    expect(mp.attr(button, 'show-message-card')).toBe(true);
    expect(mp.attr(button, 'send-message-path')).toBe(path);
    expect(mp.attr(button, 'send-message-title')).toBe(title);
  });
});
