/**
 * qrcode: the 小程序码 of a measure, an item or the home page (wxacode.getUnlimited), for the share
 * poster. Made once per page, scene, version and width, kept in cloud storage, and recorded in
 * `qrcodes`; later calls answer the stored file without asking WeChat.
 *
 * Anyone may call it, with or without an openid: a code holds nothing of the caller — only a page
 * of the app and a scene that every share card shows anyway — so there is nothing to protect per
 * user. What bounds the cost is the scene: it must be one `readScene` reads (a measure of the
 * catalog, one of its items, or the start page), and the page follows from it (`pageOf`), so a
 * caller can never name a page or make a code of anything else. The catalog's 30 measures, their
 * items and the start page are all the codes that can ever be made (per envVersion), each once.
 *
 * WeChat's refusals (45009 its call limit, 41030 a page the released version lacks, -1 busy, …)
 * are answered `unavailable` with a Chinese reason, and nothing is stored: the next call asks again.
 * A failure without an errCode (network, storage) is thrown: INTERNAL, like the other handlers.
 * The code is QRCODE_WIDTH wide and stored under qrcodeCacheKey; qrcodeReason turns a refusal's
 * errCode into one of QRCODE_REASONS, answered with QRCODE_MESSAGES and logged with QRCODE_LOG.
 */
import { createHash } from 'node:crypto';
import { pageOf, readScene, sceneOf } from '../../policy/view';
import type { QrcodeResponse } from '../api';
import type { HandlerContext, WxacodeParams } from '../context';
import { CloudFailure } from '../errors';
import type { Handler } from '../handler';
import { qrcodesRepo } from '../repos';
import { refusalCode } from '../wxacode';
import { invalid } from './common';

/** Width of the code in px (WeChat: 280–1280); 280 is WeChat's smallest, enough for a poster's corner. */
export const QRCODE_WIDTH = 280;

export type EnvVersion = WxacodeParams['envVersion'];
const ENV_VERSIONS: readonly EnvVersion[] = ['release', 'trial', 'develop'];

export const QRCODE_MESSAGES = {
  scene: '「scene」应为本小程序的场景值，如 m=m08、m=m08&i=3 或 v=start',
} as const;

/** Why a code could not be made, for the poster (by WeChat's errCode). */
export const QRCODE_REASONS = {
  /**
   * 45009: WeChat's limit on calls (getUnlimited's documentation: a per-minute rate; the error's own
   * text says daily quota) — either way, later may work.
   */
  quota: '生成小程序码的次数已达微信的上限，请稍后再试',
  /** 41030: checkPath is on and the released version has no such page. */
  notReleased: '页面尚未发布，暂时不能生成小程序码',
  /** -1: WeChat's "system busy". */
  busy: '微信系统繁忙',
  /** Any other errCode, named so it can be looked up. */
  other: (errCode: number) => `小程序码暂时无法生成（错误码 ${errCode}）`,
} as const;

export function qrcodeReason(errCode: number): string {
  if (errCode === 45009) return QRCODE_REASONS.quota;
  if (errCode === 41030) return QRCODE_REASONS.notReleased;
  if (errCode === -1) return QRCODE_REASONS.busy;
  return QRCODE_REASONS.other(errCode);
}

/** Log lines (server side only). */
export const QRCODE_LOG = {
  badEnvVersion: 'qrcode: QRCODE_ENV_VERSION must be release, trial or develop',
  noWxacode: 'qrcode: no wxacode in the context (the shell did not provide wxacode.getUnlimited)',
  noFiles: 'qrcode: no file store in the context (the shell did not provide cloud storage)',
  noUrl: 'qrcode: the uploaded code has no URL',
} as const;

/**
 * Where a code is stored: `qrcode/<sha256 of page, scene, envVersion, width>.png` — only
 * [a-z0-9/.], whatever the scene holds (& = are not for file names). Its hash part is the
 * record's id in `qrcodes`. The name ends in .png whatever WeChat's contentType: uploadFile takes
 * no type, and an image loader reads the bytes.
 */
export function qrcodeCacheKey(page: string, scene: string, envVersion: string, width: number): string {
  const hash = createHash('sha256').update(JSON.stringify([page, scene, envVersion, width])).digest('hex');
  return `qrcode/${hash.slice(0, 40)}.png`;
}

function idOf(cacheKey: string): string {
  return cacheKey.slice('qrcode/'.length, -'.png'.length);
}

/** QRCODE_ENV_VERSION: release (default), trial or develop; anything else is a deployment error. */
function envVersionOf(ctx: HandlerContext): EnvVersion {
  const raw = ctx.env?.QRCODE_ENV_VERSION;
  if (raw === undefined || raw === '') return 'release';
  if ((ENV_VERSIONS as readonly string[]).includes(raw)) return raw as EnvVersion;
  ctx.log.error(QRCODE_LOG.badEnvVersion, { value: raw });
  throw new CloudFailure('INTERNAL');
}

function ok(data: QrcodeResponse) {
  return { ok: true as const, data };
}

export const qrcode: Handler<'qrcode'> = async (request, ctx) => {
  const target = readScene(request.scene);
  if (!target) throw invalid('scene', QRCODE_MESSAGES.scene);
  // The scene as we spell it (readScene also reads the URL-encoded form WeChat hands a page).
  const scene = sceneOf(target);
  const page = pageOf(target);
  const envVersion = envVersionOf(ctx);
  const { wxacode, files } = ctx;
  if (!wxacode) {
    ctx.log.error(QRCODE_LOG.noWxacode);
    throw new CloudFailure('INTERNAL');
  }
  if (!files) {
    ctx.log.error(QRCODE_LOG.noFiles);
    throw new CloudFailure('INTERNAL');
  }

  const key = qrcodeCacheKey(page, scene, envVersion, QRCODE_WIDTH);
  const repo = qrcodesRepo(ctx.db);
  const stored = await repo.get(idOf(key));
  if (stored) {
    const url = await files.urlOf(stored.fileID);
    if (url !== null) return ok({ status: 'ready', scene, page, fileID: stored.fileID, url, cached: true });
    ctx.log.warn('qrcode: the stored code is gone; making it again', { scene, page, fileID: stored.fileID });
  }

  let image: { buffer: Uint8Array; contentType: string };
  try {
    // checkPath only for release: a trial or develop version's pages are not released, and WeChat
    // refuses them with 41030 when checkPath is true.
    image = await wxacode.getUnlimited({ scene, page, width: QRCODE_WIDTH, checkPath: envVersion === 'release', envVersion });
  } catch (err) {
    const errCode = refusalCode(err);
    if (errCode === null) throw err;
    return unavailable(ctx, scene, page, errCode, err);
  }
  // A WxacodeApi should throw its refusals; one that answers them is read the same way.
  const answered = refusalCode(image);
  if (answered !== null) return unavailable(ctx, scene, page, answered, image);

  const { fileID } = await files.put(key, image.buffer, image.contentType);
  const url = await files.urlOf(fileID);
  if (url === null) {
    ctx.log.error(QRCODE_LOG.noUrl, { fileID });
    throw new CloudFailure('INTERNAL');
  }
  await repo.put({ _id: idOf(key), fileID, page, scene, envVersion, createdAt: ctx.now().toISOString() });
  return ok({ status: 'ready', scene, page, fileID, url, cached: false });
};

function unavailable(ctx: HandlerContext, scene: string, page: string, errCode: number, detail: unknown) {
  const errMsg = (detail as { errMsg?: unknown })?.errMsg;
  ctx.log.warn('qrcode: WeChat refused the code', { scene, page, errCode, errMsg: typeof errMsg === 'string' ? errMsg : undefined });
  return ok({ status: 'unavailable', scene, page, errCode, reason: qrcodeReason(errCode) });
}
