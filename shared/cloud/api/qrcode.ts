/**
 * The `qrcode` function's contract — a 小程序码 (wxacode.getUnlimited) of one page and scene, for
 * the share poster: QrcodeRequest and QrcodeResponse.
 */

export interface QrcodeRequest {
  /** A scene of shared/policy/view/scene.ts (`m=m08`, `m=m08&i=3`, `v=start`); the page follows from it. */
  scene: string;
}

export type QrcodeResponse =
  /**
   * `fileID`: the image in cloud storage (the weapp downloads it with `Taro.cloud.downloadFile`);
   * `url`: a temporary link to it (cloud) or the local server's /files/ link (H5). `cached`: made by
   * an earlier call.
   */
  | { status: 'ready'; scene: string; page: string; fileID: string; url: string; cached: boolean }
  /** WeChat refused to make the code (`errCode` is WeChat's); `reason` is a Chinese sentence for the poster. Not cached. */
  | { status: 'unavailable'; scene: string; page: string; errCode: number; reason: string };
