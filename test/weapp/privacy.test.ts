/**
 * Privacy consent in the WeChat build (issue 26, item 3): a person who has not agreed to the
 * 用户隐私保护指引 taps a feature that needs a privacy-scoped API — choosing a chat file (管理 ›
 * 导入, 园区批量测算), saving a picture to the album (poster, 测算单), copying (the list's link, the user
 * id) — and WeChat holds the call (onNeedPrivacyAuthorization). Our prompt shows; 同意 (WeChat's
 * agreePrivacyAuthorization button) lets the call go on; 拒绝 fails it and the page says why, the
 * rest of the page keeps working, and tapping again asks again. And the 隐私说明 page, from home.
 */
import { adminsRepo } from '../../shared/cloud/repos';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { PRIVACY_REFUSED } from '../../src/services/privacy-refusal';
import { SAVED_TEXT } from '../../src/components/image-preview/album';
import { PRIVACY_GUIDE, itemSentence } from '../../src/pages/privacy/guide';
import { DRAFT_KEY } from '../../src/state/draft-core';
import { draftOf } from '../support/drafts';
import { LARGE_ENTERPRISE } from '../support/personas';
import { launch } from './harness';

const mp = launch();
// Drawing the poster takes a few seconds on a busy machine.
jest.setTimeout(30_000);
const ADMIN = 'admin-openid';
const SOURCE = 'https://gxt.nmg.gov.cn/zcfg/2022-list';
const CSV = '措施编号,批次名称,开始日期,截止日期,发布机关,来源链接\nm01,2022 年度自治区级企业技术中心认定,2022-06-01,2022-06-30,自治区工业和信息化厅,https://gxt.nmg.gov.cn/n/1';
const NOW = new Date('2022-06-20T02:00:00Z');

beforeEach(async () => {
  await mp.reset();
  mp.now = () => NOW;
});
afterEach(() => expect(mp.errors).toEqual([]));

async function makeAdmin() {
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: NOW.toISOString(), addedBy: 'bootstrap' });
  mp.openid = ADMIN;
}

/** Opens a page and waits until it has loaded (no 正在加载). */
async function open(url: string, ready: string) {
  await mp.reLaunch(url);
  await mp.waitFor(() => mp.has(ready), `${ready} on ${url}`);
}

interface Feature {
  feature: string;
  api: string;
  /** Opens the page, as a person who has not agreed yet. */
  setUp: () => Promise<void>;
  /** The tap that needs the privacy API. */
  tap: string;
  /** After agreeing: the call went on and the page shows it. */
  done: () => Promise<void>;
  /** After declining: the page says why. */
  refused: () => Promise<void>;
}

const FEATURES: Feature[] = [
  {
    feature: 'choosing a chat file to import deadlines',
    api: 'chooseMessageFile',
    setUp: async () => {
      await makeAdmin();
      mp.answers.messageFiles = [{ path: 'wxfile://tmp_good.csv', name: '截止时间.csv', size: CSV.length, content: CSV }];
      await open('/pages/admin/import/index', 'import-pick');
    },
    tap: '#import-pick',
    done: async () => {
      await mp.waitFor(() => mp.has('import-confirm'), 'the preview of the chosen file');
      expect(mp.text('#import-preview-counts')).toContain('新增 1');
    },
    refused: async () => {
      await mp.waitFor(() => mp.has('import-pick-message'), 'the reason');
      expect(mp.text('#import-pick-message')).toBe(PRIVACY_REFUSED.file);
      expect(mp.has('import-confirm')).toBe(false);
    },
  },
  {
    feature: 'choosing a register for 园区批量测算',
    api: 'chooseMessageFile',
    setUp: async () => {
      await makeAdmin();
      await open('/pages/admin/screen/index', 'screen-pick');
    },
    tap: '#screen-pick',
    // No file in the chat: WeChat's chooser opened, and the person closed it.
    done: async () => {
      expect(mp.calls.filter((c) => c.api === 'chooseMessageFile').pop()?.answer?.errMsg).toBe('chooseMessageFile:fail cancel');
    },
    refused: async () => {
      await mp.waitFor(() => mp.has('screen-error'), 'the reason');
      expect(mp.text('#screen-error')).toBe(PRIVACY_REFUSED.file);
    },
  },
  {
    feature: 'saving the poster to the album',
    api: 'authorize',
    setUp: async () => {
      await mp.reLaunch('/pages/policy/detail/index?id=m08');
      await mp.tap('#poster-open');
      await mp.waitFor(() => mp.has('poster-save'), 'the poster');
    },
    tap: '#poster-save',
    done: async () => {
      await mp.waitFor(() => mp.has('poster-notice'), 'the notice');
      expect(mp.text('#poster-notice')).toBe(SAVED_TEXT);
      expect(mp.callsOf('saveImageToPhotosAlbum')).toHaveLength(1);
    },
    refused: async () => {
      await mp.waitFor(() => mp.has('poster-notice'), 'the reason');
      expect(mp.text('#poster-notice')).toBe(PRIVACY_REFUSED.album);
      expect(mp.callsOf('saveImageToPhotosAlbum')).toEqual([]);
    },
  },
  {
    feature: 'saving the 测算单 to the album (results page)',
    api: 'authorize',
    setUp: async () => {
      mp.storage.set(DRAFT_KEY, draftOf(LARGE_ENTERPRISE));
      await open('/pages/results/index', 'results-total');
      await mp.tap('#sheet-open');
      await mp.waitFor(() => mp.has('sheet-save'), 'the 测算单');
    },
    tap: '#sheet-save',
    done: async () => {
      await mp.waitFor(() => mp.has('sheet-notice'), 'the notice');
      expect(mp.text('#sheet-notice')).toBe(SAVED_TEXT);
    },
    refused: async () => {
      await mp.waitFor(() => mp.has('sheet-notice'), 'the reason');
      expect(mp.text('#sheet-notice')).toBe(PRIVACY_REFUSED.album);
    },
  },
  {
    feature: 'copying the list’s link on home',
    api: 'setClipboardData',
    setUp: async () => {
      await makeAdmin();
      const env = await mp.callCloud('listStatus', { action: 'set', status: { state: 'inForce', notice: '', sourceUrl: SOURCE, checkedOn: '2022-06-20' } }, ADMIN);
      if (!env.ok) throw new Error(JSON.stringify(env));
      await open('/pages/index/index', 'home-list-status-copy');
    },
    tap: '#home-list-status-copy',
    done: async () => {
      expect(mp.calls.filter((c) => c.api === 'setClipboardData' && c.answer?.errMsg === 'setClipboardData:ok').map((c) => c.options.data)).toEqual([SOURCE]);
      expect(mp.callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '已复制依据链接' }));
    },
    refused: async () => {
      expect(mp.callsOf('showModal')).toEqual([expect.objectContaining({ title: '无法复制', content: PRIVACY_REFUSED.clipboard })]);
      expect(mp.callsOf('showToast')).toEqual([]);
      // Nothing else broke: the page is all there.
      expect(mp.has('home-reminders')).toBe(true);
    },
  },
  {
    feature: 'copying one’s user id on an admin page (not an admin)',
    api: 'setClipboardData',
    setUp: async () => {
      mp.openid = 'user-b';
      await open('/pages/admin/index', 'admin-copy-openid');
    },
    tap: '#admin-copy-openid',
    done: async () => {
      expect(mp.calls.filter((c) => c.api === 'setClipboardData' && c.answer?.errMsg === 'setClipboardData:ok').map((c) => c.options.data)).toEqual(['user-b']);
    },
    refused: async () => {
      expect(mp.callsOf('showModal')).toEqual([expect.objectContaining({ content: PRIVACY_REFUSED.clipboard })]);
    },
  },
];

describe.each(FEATURES)('$feature, before agreeing to the 隐私保护指引', (f) => {
  beforeEach(async () => {
    await f.setUp();
    mp.answers.privacyAgreed = false;
    await mp.tap(f.tap);
    await mp.waitFor(() => mp.has('privacy-prompt'), 'the privacy prompt');
  });

  it(`WeChat holds ${f.api} and our prompt asks, with WeChat's agree button`, () => {
    expect(mp.privacyAsks).toEqual([f.api]);
    expect(mp.attr('#privacy-agree', 'open-type')).toBe('agreePrivacyAuthorization');
    expect(mp.text('#privacy-prompt')).toContain('隐私保护指引');
  });

  it('同意: the call goes on', async () => {
    await mp.tap('#privacy-agree');
    expect(mp.has('privacy-prompt')).toBe(false);
    expect(mp.answers.privacyAgreed).toBe(true);
    await f.done();
  });

  it('拒绝: the page says why; tapping again asks again, and agreeing then works', async () => {
    await mp.tap('#privacy-decline');
    expect(mp.has('privacy-prompt')).toBe(false);
    await f.refused();
    await mp.tap(f.tap);
    await mp.waitFor(() => mp.has('privacy-prompt'), 'the prompt again');
    expect(mp.privacyAsks).toEqual([f.api, f.api]);
    await mp.tap('#privacy-agree');
    await f.done();
  });
});

describe('隐私说明', () => {
  it('home links to it', async () => {
    await mp.reLaunch('/pages/index/index');
    await mp.tap('#home-privacy');
    expect(mp.page().route).toBe('pages/privacy/index');
  });

  it.each([
    ...PRIVACY_GUIDE.items.map((i) => ({ what: i.type, text: itemSentence(i) })),
    ...PRIVACY_GUIDE.sections.flatMap((s) => [{ what: s.heading, text: s.heading }, ...s.paragraphs.map((p, n) => ({ what: `${s.heading} ${n + 1}`, text: p }))]),
  ])('shows $what', async ({ text }) => {
    await mp.reLaunch('/pages/privacy/index');
    expect(mp.text('#privacy')).toContain(text);
  });

  it('the prompt opens it', async () => {
    await mp.reLaunch('/pages/index/index');
    await makeAdmin();
    const env = await mp.callCloud('listStatus', { action: 'set', status: { state: 'inForce', notice: '', sourceUrl: SOURCE, checkedOn: '2022-06-20' } }, ADMIN);
    if (!env.ok) throw new Error(JSON.stringify(env));
    await open('/pages/index/index', 'home-list-status-copy');
    mp.answers.privacyAgreed = false;
    await mp.tap('#home-list-status-copy');
    await mp.waitFor(() => mp.has('privacy-prompt'), 'the prompt');
    await mp.tap('#privacy-read');
    expect(mp.page().route).toBe('pages/privacy/index');
    // Back on home, the prompt still waits for an answer.
    await mp.back();
    expect(mp.has('privacy-prompt')).toBe(true);
    await mp.tap('#privacy-decline');
  });
});
