// Lint: typescript-eslint's recommended rules, React hooks rules for pages and components, a rule
// that keeps pages off Taro.cloud.callFunction (they go through src/services/cloud.ts), and the
// layers of shared/policy (importLayers below).
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// shared/policy's layers, lowest first (README › Code layout). A layer imports only layers listed
// before it in `may`, and another layer only through its entry (index.ts). Node built-ins and the
// file libraries belong to the two layers that read and write files (screening, cli).
export const LAYERS = {
  engine: { may: [], files: false },
  links: { may: [], files: false },
  view: { may: ['engine', 'links'], files: false },
  pictures: { may: ['engine', 'links', 'view'], files: false },
  screening: { may: ['engine', 'view'], files: true },
  cli: { may: ['engine', 'view', 'screening'], files: true },
};
const NAMES = Object.keys(LAYERS);
// Every Node built-in, and the packages that read, write or drive files and terminals.
const FILE_LIBRARIES = [...builtinModules.filter((m) => !m.startsWith('_')), 'exceljs', 'xlsx', 'csv-parse', 'csv-stringify', 'commander', 'cli-progress'];
const escape = (m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// A relative path as people write it: ../x, ../../x, ./../x.
const UP = '(\\./)?(\\.\\./)+';
const deepPolicy = (prefix) => ({
  regex: `^${prefix}(${NAMES.join('|')})/.+`,
  message: 'Import another layer of shared/policy through its entry (e.g. ../engine), not a file inside it.',
});
const MONEY_RULE = {
  selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(toFixed|parseFloat)$/][callee.object.name='Number']",
  message: 'Money goes through decimal.js (shared/policy/engine/decimal.ts), never JS floats.',
};
const noTestCode = { regex: '^(\\./)?(\\.\\./)+test/', message: 'Test fakes and helpers live under test/; production code never imports them.' };
function importLayers() {
  return NAMES.map((name) => {
    const above = NAMES.filter((other) => other !== name && !LAYERS[name].may.includes(other));
    const patterns = [
      { regex: `^${UP}(${above.join('|')})(/.*)?$`, message: `shared/policy/${name} may import only ${LAYERS[name].may.join(', ') || 'its own files'}.` },
      deepPolicy(UP),
      { regex: '^@policy(/.*)?$', message: 'Inside shared/policy, layers import each other by relative path (../engine), so the layer rules see every import.' },
      { regex: `^(${UP}cloud|@cloud-api)(/.*)?$`, message: 'shared/policy never imports shared/cloud: the cloud uses the engine, not the other way.' },
      noTestCode,
    ];
    if (!LAYERS[name].files) patterns.push({ regex: `^(node:.*|(${FILE_LIBRARIES.map(escape).join('|')})(/.*)?)$`, message: 'Files are read and written only in shared/policy/screening and shared/policy/cli.' });
    return {
      files: [`shared/policy/${name}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', { patterns }],
        // import('…') and import('…').Type would pass no-restricted-imports: the layers import statically.
        'no-restricted-syntax': ['error', MONEY_RULE, { selector: 'ImportExpression, TSImportType', message: 'shared/policy imports statically (import … from), so the layer rules see every import.' }],
      },
    };
  });
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-h5/**', 'node_modules/**', '.cache/**', '.local-cloud/**', 'coverage/**', 'test/artifacts/**', 'cloudfunctions/*/index.js'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', MONEY_RULE],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-properties': [
        'error',
        { object: 'cloud', property: 'callFunction', message: 'Call cloud functions through src/services/cloud.ts (callCloud).' },
      ],
    },
  },
  {
    files: ['src/services/cloud.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  ...importLayers(),
  {
    // Pages run in WeChat: they use the engine, links, view and pictures layers, each through its entry.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^@policy/(screening|cli)(/.*)?$', message: 'Pages never load the file-reading layers (screening, cli): they run in WeChat.' },
        deepPolicy('@policy/'),
        { regex: '^(\\.\\./)+shared/policy(/.*)?$', message: 'Pages import shared/policy through its alias (@policy/<layer>).' },
        { regex: '^(@cloud-api/.+|(\\.\\./)+shared/cloud(/.*)?)$', message: 'Pages import the cloud through its one entry, @cloud-api (shared/cloud/index.ts), not a file inside it.' },
        noTestCode,
      ] }],
    },
  },
  {
    files: ['shared/cloud/**/*.ts', 'cloudfunctions/*/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [deepPolicy('(@policy/|(\\./)?(\\.\\./)+(shared/)?policy/)'), noTestCode] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
  },
);
