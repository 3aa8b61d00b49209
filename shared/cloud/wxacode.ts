/**
 * 小程序码 over WeChat's openapi (wxWxacode over WxOpenapiWxacode: `cloud.openapi.wxacode.getUnlimited`,
 * which needs `"permissions": {"openapi": ["wxacode.getUnlimited"]}` in the function's config.json).
 * wx-server-sdk takes the parameters in camelCase (scene, page, width, checkPath, envVersion) and
 * answers `{ buffer, contentType, errCode, errMsg }`. A refusal — an errCode ≠ 0, answered or
 * thrown (refusalCode reads it) — is thrown as a WxacodeRefusal; a failure without an errCode
 * (network, SDK) is thrown as it came, and the handler answers INTERNAL (like wx-sender.ts, whose
 * send results are the same).
 */
import type { WxacodeApi, WxacodeParams } from './context';

export interface WxOpenapiWxacode {
  wxacode: {
    getUnlimited(params: WxacodeParams): Promise<{ buffer?: Uint8Array; contentType?: string; errCode?: number; errMsg?: string } | undefined>;
  };
}

/** WeChat refused to make a code: `errCode` is WeChat's (45009, 41030, -1, …). */
export class WxacodeRefusal extends Error {
  readonly errCode: number;
  readonly errMsg: string;
  constructor(errCode: number, errMsg: string) {
    super(`wxacode.getUnlimited refused: ${errCode} ${errMsg}`);
    this.name = 'WxacodeRefusal';
    this.errCode = errCode;
    this.errMsg = errMsg;
  }
}

/** The errCode of a refusal (thrown or answered), or null when `value` carries none (or 0). */
export function refusalCode(value: unknown): number | null {
  const code = (value as { errCode?: unknown } | null | undefined)?.errCode;
  return typeof code === 'number' && Number.isFinite(code) && code !== 0 ? code : null;
}

export function wxWxacode(openapi: () => WxOpenapiWxacode): WxacodeApi {
  return {
    async getUnlimited(params) {
      let res: Awaited<ReturnType<WxOpenapiWxacode['wxacode']['getUnlimited']>>;
      try {
        res = await openapi().wxacode.getUnlimited({ ...params });
      } catch (err) {
        const code = refusalCode(err);
        if (code === null) throw err;
        const e = err as { errMsg?: unknown; message?: unknown };
        throw new WxacodeRefusal(code, String(e.errMsg ?? e.message ?? ''));
      }
      const code = refusalCode(res);
      if (code !== null) throw new WxacodeRefusal(code, String(res?.errMsg ?? ''));
      if (!res?.buffer || res.buffer.length === 0) throw new Error('wxacode.getUnlimited answered no image');
      return { buffer: res.buffer, contentType: typeof res.contentType === 'string' ? res.contentType : 'application/octet-stream' };
    },
  };
}
