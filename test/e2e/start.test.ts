/**
 * `npm start` (scripts/start.mjs) as a user runs it — minus the H5 build, which `npm test` already
 * did — serves the app and the cloud functions on 127.0.0.1, and its store survives a restart.
 */
import { spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

jest.setTimeout(60_000);
const root = path.join(__dirname, '../..');

function start(port: number, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), LOCAL_CLOUD_DIR: dataDir, STATIC_DIR: path.resolve(root, process.env.E2E_STATIC_DIR || 'dist-h5') },
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve({ child, url: m[0] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}): ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

it('npm start serves the H5 app and runs cloud functions on 127.0.0.1', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'abacus-start-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const { child, url } = await start(port, dataDir);
  try {
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="app"');
    const res = await fetch(`${url}/cloud/calculate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profile: { version: 1, entity: 'park', facts: { 'm30.strongPark': true } } }),
    });
    const body = await res.json();
    // （三十）综合实力强的工业园区 … 一次性 3000万元支持
    expect(body.ok).toBe(true);
    expect(body.data.total).toEqual({ min: '30000000.00', max: '30000000.00' });
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
