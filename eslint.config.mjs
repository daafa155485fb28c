// ESLint (flat config): typescript-eslint's recommended rules and idcgen's folder boundaries
// (scripts/eslint/boundaries.js, ARCHITECTURE.md). `npm test` runs it before jest (`npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/eslint/boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'cdktf.out/**', 'coverage/**', 'test/golden/**', '**/*.d.ts', '**/.terraform/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore names a binding kept on purpose (a destructured field left out, a loop counter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { idcgen: boundaries.plugin },
    rules: { 'idcgen/boundaries': 'error' },
  },
  {
    // Plain CommonJS scripts run by node as they are (scripts/, jest helpers): require is how they import.
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
