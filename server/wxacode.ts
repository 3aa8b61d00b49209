/**
 * The local cloud's wxacode: in place of WeChat's 小程序码 (which only WeChat can scan, and only
 * WeChat can make), a plain QR code of the H5 deep link of the same page and scene —
 * `${serverUrl}/#/${page}?scene=${encodeURIComponent(scene)}` (the H5 router is in hash mode, and the
 * H5 pages read `scene` as the mini-program's read `query.scene`). The server listens on 127.0.0.1,
 * so the link opens on the developer's machine (a browser, or a QR reader there) — not on a phone.
 *
 * It answers like WeChat where it can check locally: 41030 for a page outside the app's `pages/`.
 * LOCAL_QRCODE_ERROR=<errCode> (e.g. 45009) makes every call refuse with that code, so the fallback
 * poster (a corner that says why there is no code) can be seen.
 *
 * Exports: LOCAL_QRCODE_ERROR, h5DeepLink, localWxacode.
 */
import QRCode from 'qrcode';
import type { WxacodeApi } from '../shared/cloud/context';
import { WxacodeRefusal } from '../shared/cloud/wxacode';
import { h5Link, scannedRoute } from '../shared/policy/links';

export const LOCAL_QRCODE_ERROR = 'LOCAL_QRCODE_ERROR';

/** The H5 link a local code holds: what a scanned code opens, on the H5 app this server serves. */
export function h5DeepLink(serverUrl: string, page: string, scene: string): string {
  return h5Link(`${serverUrl}/`, scannedRoute(page, scene));
}

export function localWxacode(serverUrl: () => string, env: Readonly<Record<string, string | undefined>>): WxacodeApi {
  return {
    async getUnlimited({ scene, page, width }) {
      const forced = (env[LOCAL_QRCODE_ERROR] ?? '').trim();
      if (forced !== '' && forced !== '0') {
        if (!/^-?\d{1,6}$/.test(forced)) throw new Error(`${LOCAL_QRCODE_ERROR} must be a WeChat errCode such as 45009, got ${JSON.stringify(forced)}`);
        throw new WxacodeRefusal(Number(forced), `openapi.wxacode.getUnlimited:fail (local, ${LOCAL_QRCODE_ERROR}) ${forced}`);
      }
      if (!/^pages\/[A-Za-z0-9_/-]+$/.test(page)) throw new WxacodeRefusal(41030, 'openapi.wxacode.getUnlimited:fail (local) invalid page');
      // Error correction M (the package's default); a quiet zone of 2 modules around the code.
      const buffer = await QRCode.toBuffer(h5DeepLink(serverUrl(), page, scene), { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
      return { buffer, contentType: 'image/png' };
    },
  };
}
