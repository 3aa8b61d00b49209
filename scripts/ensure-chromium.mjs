#!/usr/bin/env node
/**
 * Makes sure Debian's Chromium and a Chinese font are there for the end-to-end tests and their
 * screenshots (playwright-core drives Chromium; the npm package downloads no browser; without a CJK
 * font every Chinese character renders as a box). Installs them with apt-get when we are root;
 * otherwise stops at once, saying exactly what to install. Prints the path on success.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

export function findChromium() {
  return CANDIDATES.find((p) => existsSync(p));
}

const FONT_PACKAGE = 'fonts-wqy-microhei';

function hasChineseFont() {
  const r = spawnSync('sh', ['-c', 'fc-list :lang=zh family 2>/dev/null'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function install(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `缺少 ${packages.join('、')}，端到端测试无法运行。\n` +
        `请安装 Debian 软件包：  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\n` +
        '或设置环境变量 CHROMIUM_PATH 指向已安装的 Chromium。',
    );
    process.exit(1);
  }
  console.log(`Installing Debian packages with apt-get: ${packages.join(' ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const missing = [...(findChromium() ? [] : ['chromium']), ...(hasChineseFont() ? [] : [FONT_PACKAGE])];
  if (missing.length > 0) install(missing);
  const found = findChromium();
  if (!found) {
    console.error('apt-get 安装后仍找不到 /usr/bin/chromium，请检查软件源。');
    process.exit(1);
  }
  console.log(`chromium: ${found}`);
}
