/**
 * CORS for a Taro H5 dev server on another local port (http://localhost, 127.0.0.1 or [::1], any
 * port): it may call the functions, upload, read the outbox and draw stored files. Other origins
 * get no CORS headers; the H5 build's own pages are same-origin and get none either (registered
 * only in the scope of those routes, see ./routes.ts).
 *
 * Exports: localCors (the @fastify/cors options).
 */
import type { FastifyCorsOptions } from '@fastify/cors';
import { CLOUD_PATH_HEADER } from '../shared/cloud/api';
import { DEV_NOW_HEADER, DEV_OPENID_HEADER, DEV_TIMER_HEADER } from './dev-headers';

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

export const localCors: FastifyCorsOptions = {
  // false: no CORS at all for this request (a preflight then reaches the route, as without CORS).
  origin: (origin, done) => done(null, typeof origin === 'string' && LOCAL_ORIGIN.test(origin) ? origin : false),
  methods: 'POST, OPTIONS',
  allowedHeaders: `content-type, ${DEV_OPENID_HEADER}, ${DEV_NOW_HEADER}, ${DEV_TIMER_HEADER}, ${CLOUD_PATH_HEADER}`,
  maxAge: 600,
  // A preflight without Access-Control-Request-Method is answered like one that has it.
  strictPreflight: false,
};
