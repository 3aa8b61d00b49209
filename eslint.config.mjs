// Lint: typescript-eslint's recommended rules, React hooks rules for pages and components, and a
// rule that keeps pages off Taro.cloud.callFunction (they go through src/services/cloud.ts).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-h5/**', 'node_modules/**', '.cache/**', '.local-cloud/**', 'coverage/**', 'test/artifacts/**', 'cloudfunctions/*/index.js'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(toFixed|parseFloat)$/][callee.object.name='Number']",
          message: 'Money goes through decimal.js (shared/policy/decimal.ts), never JS floats.',
        },
      ],
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
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
  },
);
