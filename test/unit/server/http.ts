/** A raw HTTP client for the tests: no automatic decompression, every header visible. */
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * `url` is sent as given with `raw: true` (its path is not normalised, so '/files/../x' reaches the
 * server as it is written).
 */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string | number>; body?: string | Buffer; chunks?: Buffer[]; raw?: boolean } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const where = options.raw ? { hostname: target.hostname, port: target.port, path: url.slice(target.origin.length) } : {};
    const onResponse = (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    };
    const settings = { method: options.method ?? 'GET', headers: options.headers, agent: false as const };
    const req = options.raw ? http.request({ ...where, ...settings }, onResponse) : http.request(url, settings, onResponse);
    // The server may answer (413) and close before the whole body is written.
    req.on('error', reject);
    if (options.chunks) {
      for (const c of options.chunks) req.write(c);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

export function postJson(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const body = JSON.stringify(payload);
  return request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}
