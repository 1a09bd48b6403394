// Lint: TypeScript rules, React hooks rules, and the layer boundaries from
// shared/engineering.md (features -> state, db, export, host -> domain; main never imports the renderer).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const uiAndStorage = ['react', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks', 'zustand', '@xyflow/react', 'lucide-react'];

function layer(files, forbiddenPatterns, forbiddenPackages, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenPackages.map((name) => ({ name, message })),
          patterns: forbiddenPatterns.map((group) => ({ group: [group], message })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // File-name sanitising legitimately matches control characters.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  layer(
    ['src-renderer/domain/**'],
    ['**/db/**', '**/state/**', '**/host/**', '**/features/**', '**/ui/**', '**/export/**', '**/src-main/**'],
    uiAndStorage,
    'domain/ is pure: it imports nothing from UI, storage, host or other layers.',
  ),
  layer(
    ['src-renderer/export/**'],
    ['**/db/**', '**/state/**', '**/host/**', '**/features/**', '**/src-main/**'],
    uiAndStorage,
    'export/ turns domain data into files: no UI or storage imports.',
  ),
  layer(
    ['src-renderer/db/**'],
    ['**/state/**', '**/features/**', '**/ui/**', '**/export/**'],
    ['react', 'react-dom', 'zustand', 'lucide-react', '@xyflow/react'],
    'db/ sits below state and features.',
  ),
  layer(
    ['src-renderer/host/**'],
    ['**/db/**', '**/state/**', '**/features/**', '**/ui/**', '**/export/**'],
    ['react', 'react-dom', 'zustand', 'lucide-react'],
    'host/ is the door to the main process: it depends on nothing above it.',
  ),
  layer(
    ['src-renderer/state/**'],
    ['**/features/**', '**/ui/**', '**/export/**'],
    [],
    'state/ must not import screens.',
  ),
  layer(['src-renderer/ui/**'], ['**/features/**', '**/db/**', '**/host/**'], [], 'ui/ holds shared components: no screens, storage or host.'),
  layer(
    ['src-main/**'],
    ['**/src-renderer/**', '../src-renderer/**'],
    ['react', 'dexie', 'zustand'],
    'src-main imports nothing from the renderer.',
  ),
  {
    files: ['scripts/**', 'test/e2e/**', 'bench/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    // A fixed sleep either wastes time or is too short on a slow machine: end-to-end tests wait
    // for what they need (stored rows, a role on screen) or drive Playwright's clock.
    files: ['test/e2e/**', 'test/helpers/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'waitForTimeout', message: 'Poll for the state you need (expect.poll on stored rows, web-first assertions) or use page.clock.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', fetch: 'readonly' } },
  },
);
