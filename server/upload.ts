/**
 * POST /upload stands in for the mini-program's `wx.cloud.uploadFile` (the 园区批量测算 page's
 * register): the body is the file, `x-cloud-path` where it goes — only into the caller's own
 * folder (`screen/<x-dev-openid>/…`, the rule handlers/screen.ts checks, refused before the body
 * is read), at most SCREEN_MAX_FILE_BYTES; it answers `{ ok: true, data: { fileID } }`.
 *
 * Exports: addUploadRoute, UPLOAD_MESSAGES.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CLOUD_PATH_HEADER, SCREEN_MAX_FILE_BYTES, UPLOAD_ROUTE } from '../shared/cloud/api';
import { failure } from '../shared/cloud/errors';
import { ownsCloudPath, SCREEN_MESSAGES } from '../shared/cloud/handlers/screen';
import { postCaller } from './caller';
import type { LocalFiles } from './files';
import { sendEnvelope, sendJson } from './replies';

export const UPLOAD_MESSAGES = {
  path: '上传位置无效：只能上传到自己的文件夹（screen/<你的用户编号>/…）',
} as const;

export function addUploadRoute(app: FastifyInstance, stored: LocalFiles): void {
  async function ownFolder(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const cloudPath = request.headers[CLOUD_PATH_HEADER];
    if (typeof cloudPath === 'string' && ownsCloudPath(request.openid, cloudPath) && stored.fileOf(cloudPath)) return undefined;
    return sendEnvelope(reply, failure('FORBIDDEN', UPLOAD_MESSAGES.path, [{ field: CLOUD_PATH_HEADER, message: UPLOAD_MESSAGES.path }]));
  }

  app.route({
    method: app.supportedMethods,
    url: UPLOAD_ROUTE,
    bodyLimit: SCREEN_MAX_FILE_BYTES,
    config: { tooLarge: SCREEN_MESSAGES.tooBig },
    onRequest: [postCaller, ownFolder],
    handler: async (request, reply) => {
      const { fileID } = await stored.put(request.headers[CLOUD_PATH_HEADER] as string, (request.body as Buffer | undefined) ?? Buffer.alloc(0));
      return sendJson(reply, 200, { ok: true, data: { fileID } });
    },
  });
}
