/**
 * The local cloud only (H5 dev build ↔ server/): UPLOAD_ROUTE, CLOUD_PATH_HEADER and
 * DEV_OPENID_HEADER.
 */

/**
 * The local cloud only (H5 dev build ↔ server/): `POST UPLOAD_ROUTE` stands in for
 * wx.cloud.uploadFile, the file's place in CLOUD_PATH_HEADER; the caller is DEV_OPENID_HEADER (in
 * WeChat the user id comes only from cloud.getWXContext()).
 */
export const UPLOAD_ROUTE = '/upload';

export const CLOUD_PATH_HEADER = 'x-cloud-path';

export const DEV_OPENID_HEADER = 'x-dev-openid';
