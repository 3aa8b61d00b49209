/**
 * src/services/qrcode.ts: the page's side of `qrcode`. It asks the cloud once per scene in a run
 * of the app, hands a canvas what it can load (weapp: the downloaded file's temp path; H5: the
 * URL), and never throws — every failure is a Chinese reason for the poster.
 */
import type { Envelope, QrcodeResponse } from '../../../shared/cloud/api';
import { catalog2022 } from '../../../shared/policy/engine';

const downloadFile = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { downloadFile: (p: unknown) => downloadFile(p) } } }));
const callCloud = jest.fn();
jest.mock('../../../src/services/cloud', () => ({ callCloud: (...args: unknown[]) => callCloud(...args) }));

import { CODE_DOWNLOAD_REASON, CODE_FAILED_REASON, CODE_NETWORK_REASON, forgetCodes, loadCode } from '../../../src/services/qrcode';

const READY: Envelope<QrcodeResponse> = {
  ok: true,
  data: { status: 'ready', scene: 'm=m08', page: 'pages/policy/detail/index', fileID: 'cloud://e/qrcode/a.png', url: 'https://t/qrcode/a.png', cached: false },
};
const QUOTA: Envelope<QrcodeResponse> = {
  ok: true,
  data: { status: 'unavailable', scene: 'm=m08', page: 'pages/policy/detail/index', errCode: 45009, reason: '生成小程序码的次数已达微信的上限，请稍后再试' },
};
const savedEnv = process.env.TARO_ENV;
let warn: jest.SpyInstance;

beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  forgetCodes();
  callCloud.mockReset();
  downloadFile.mockReset();
  process.env.TARO_ENV = 'h5';
});
afterEach(() => warn.mockRestore());
afterAll(() => {
  process.env.TARO_ENV = savedEnv;
});

describe('H5', () => {
  it('asks `qrcode` with the target’s scene and answers the URL; a second open asks nothing', async () => {
    callCloud.mockResolvedValue(READY);
    expect(await loadCode({ view: 'measure', measureId: 'm08' })).toEqual({ ok: true, src: 'https://t/qrcode/a.png' });
    expect(await loadCode({ view: 'measure', measureId: 'm08' })).toEqual({ ok: true, src: 'https://t/qrcode/a.png' });
    expect(callCloud.mock.calls).toEqual([['qrcode', { scene: 'm=m08' }]]);
    expect(downloadFile).not.toHaveBeenCalled();
  });

  it('two opens at once share one request; other scenes ask for themselves', async () => {
    callCloud.mockResolvedValue(READY);
    const item = catalog2022.measures.find((m) => m.id === 'm08')!.items[2].id;
    await Promise.all([loadCode({ view: 'measure', measureId: 'm08' }), loadCode({ view: 'measure', measureId: 'm08' })]);
    await loadCode({ view: 'measure', measureId: 'm08', itemId: item });
    await loadCode({ view: 'start' });
    expect(callCloud.mock.calls.map((c) => c[1].scene)).toEqual(['m=m08', 'm=m08&i=3', 'v=start']);
  });

  it('WeChat refused: the handler’s reason; not kept, so the next open asks again', async () => {
    callCloud.mockResolvedValueOnce(QUOTA).mockResolvedValueOnce(READY);
    expect(await loadCode({ view: 'measure', measureId: 'm08' })).toEqual({ ok: false, reason: '生成小程序码的次数已达微信的上限，请稍后再试' });
    expect(await loadCode({ view: 'measure', measureId: 'm08' })).toEqual({ ok: true, src: 'https://t/qrcode/a.png' });
    expect(callCloud).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['no network', { ok: false, error: { code: 'NETWORK', message: '网络不可用，请稍后再试' } }, CODE_NETWORK_REASON],
    ['an error envelope', { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } }, CODE_FAILED_REASON],
  ])('%s → a short Chinese reason', async (_case, envelope, reason) => {
    callCloud.mockResolvedValue(envelope);
    expect(await loadCode({ view: 'start' })).toEqual({ ok: false, reason });
    expect(reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never throws: a rejected call or a target the catalog lacks is a reason too', async () => {
    callCloud.mockRejectedValue(new Error('boom'));
    expect(await loadCode({ view: 'start' })).toEqual({ ok: false, reason: CODE_FAILED_REASON });
    expect(await loadCode({ view: 'measure', measureId: 'm31' })).toEqual({ ok: false, reason: CODE_FAILED_REASON });
    expect(callCloud).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(2); // each failure leaves a line for the developer
  });
});

describe('weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('downloads the file from cloud storage and answers its temp path, once', async () => {
    callCloud.mockResolvedValue(READY);
    downloadFile.mockResolvedValue({ tempFilePath: 'wxfile://tmp_abc.png', statusCode: 200 });
    expect(await loadCode({ view: 'measure', measureId: 'm08' })).toEqual({ ok: true, src: 'wxfile://tmp_abc.png' });
    expect(await loadCode({ view: 'measure', measureId: 'm08' })).toEqual({ ok: true, src: 'wxfile://tmp_abc.png' });
    expect(downloadFile.mock.calls).toEqual([[{ fileID: 'cloud://e/qrcode/a.png' }]]);
  });

  it('a download that fails → CODE_DOWNLOAD_REASON, and the next open tries again', async () => {
    callCloud.mockResolvedValue(READY);
    downloadFile.mockRejectedValueOnce({ errMsg: 'cloud.downloadFile:fail' }).mockResolvedValueOnce({ tempFilePath: 'wxfile://tmp_2.png' });
    expect(await loadCode({ view: 'start' })).toEqual({ ok: false, reason: CODE_DOWNLOAD_REASON });
    expect(await loadCode({ view: 'start' })).toEqual({ ok: true, src: 'wxfile://tmp_2.png' });
  });
});
