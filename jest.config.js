/**
 * Jest projects:
 *  - unit: pure TypeScript (engine, schema, handlers, server) — node.
 *  - component: React components/pages with small mocks of @tarojs/components — jsdom.
 *  - build: checks on build outputs (weapp package via miniprogram-ci, sizes, cloud bundles);
 *    they need `npm run build:*` first (scripts/test.mjs runs the builds).
 *  - e2e: Chromium (playwright-core) against the local cloud serving the H5 build.
 *  - weapp: the WeChat build in dist/ run headlessly in WeChat's component framework (exparser via
 *    miniprogram-simulate), its cloud calls answered by our real handlers (test/weapp/harness.ts).
 *    dist/ is loaded as WeChat loads it, so it is not transformed.
 */
const ts = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];
const moduleNameMapper = {
  '^@policy/(.*)$': '<rootDir>/shared/policy/$1',
  '^@cloud-api$': '<rootDir>/shared/cloud/index.ts',
  '^@cloud-api/(.*)$': '<rootDir>/shared/cloud/$1',
  '^@/(.*)$': '<rootDir>/src/$1',
  '\\.(css|scss)$': '<rootDir>/test/support/style-mock.js',
};
const base = { transform: { '^.+\\.(t|j)sx?$': ts }, moduleNameMapper, rootDir: __dirname };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/component/**/*.test.tsx'],
    },
    { ...base, displayName: 'build', testEnvironment: 'node', testMatch: ['<rootDir>/test/build/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    {
      ...base,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
      // The cloud handlers run in this process (the `screen` function with exceljs): packages load
      // their Node builds, as in the cloud, not jsdom's default "browser" ones (uuid's ESM).
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
    },
  ],
};
