// Lint: TypeScript rules, React hooks rules, and the layer boundaries from
// shared/engineering.md (features -> state, db, export, host -> domain; main never imports the renderer),
// plus the boundaries between features (see featureRules below and docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const uiAndStorage = ['react', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks', 'zustand', '@xyflow/react', 'lucide-react'];

// The participant page (src-renderer/participant/) is the phones' own entry, served to anyone on
// the room's network: nothing of the app may end up in it, and the app does not depend on it. Every
// rule below for renderer files carries this ban too, since a later rule replaces an earlier one.
const participantMessage = 'The participant page is its own entry: the app does not import it (share pure code through domain/).';
const noParticipant = { group: ['**/participant/**', '../participant', './participant/**'], message: participantMessage };

function layer(files, forbiddenPatterns, forbiddenPackages, message) {
  return {
    files,
    ignores: ['src-renderer/participant/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenPackages.map((name) => ({ name, message })),
          patterns: [...forbiddenPatterns.map((group) => ({ group: [group], message })), noParticipant],
        },
      ],
    },
  };
}

// Every folder under src-renderer/features/. A feature imports another only through
// features/shared/ (which imports no feature) or, for the few composition points below, a screen.
const featureNames = ['actions', 'app', 'assessments', 'export', 'journey', 'library', 'measurement', 'personas', 'roadmap', 'run', 'segments', 'settings', 'shared', 'workshop'];
const featureMessage =
  'Features do not import each other: move what they share to features/shared/ (reads, commands) or ui/ (pure components), or pass it in as a prop.';

function otherFeatures(self, allowed = []) {
  const group = featureNames.filter((f) => f !== self && f !== 'shared').flatMap((f) => [`../${f}/**`, `**/features/${f}/**`]);
  return [...group, ...allowed.map((path) => `!../${path}`)];
}

function featureRule(files, self, allowed) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: otherFeatures(self, allowed), message: featureMessage }, noParticipant] }] },
  };
}

// The app shell (features/app) composes every screen and is left out. Later entries override
// earlier ones for their files, so the composition exceptions come after the per-feature rules.
const featureRules = [
  ...featureNames.filter((f) => f !== 'app' && f !== 'shared').map((f) => featureRule([`src-renderer/features/${f}/**`], f, [])),
  // features/shared is what every feature may import, so it imports none (not even the shell).
  {
    files: ['src-renderer/features/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: featureNames.filter((f) => f !== 'shared').flatMap((f) => [`../${f}/**`, `**/features/${f}/**`]), message: 'features/shared/ imports no feature: every feature imports it.' },
            noParticipant,
          ],
        },
      ],
    },
  },
  // The artifact-editor registry lists the seven editors: the workshop's artifact page and run
  // mode host whichever one a route or step names. (The workshop screen also lazy-loads the export
  // screen with import(), which this rule does not see.)
  featureRule(['src-renderer/features/workshop/artifact-editors.ts'], 'workshop', [
    'actions/actions-screen', 'assessments/assessments-screen', 'journey/journey-screen', 'measurement/measurement-screen',
    'personas/personas-screen', 'roadmap/roadmap-screen', 'segments/segments-screen',
  ]),
  // Run mode hosts the current step's artifact: any editor through the registry, the assessment
  // pane (given run mode's projector command as a prop) and the actions log in its drawer.
  featureRule(['src-renderer/features/run/run-screen.tsx'], 'run', ['workshop/artifact-editors', 'assessments/assessments-screen', 'actions/actions-log']),
];

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
  // Renderer files no layer rule below covers (the entry, features/app) still may not import the participant page.
  { files: ['src-renderer/**/*.{ts,tsx}'], ignores: ['src-renderer/participant/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noParticipant] }] } },
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
  ...featureRules,
  layer(
    ['src-renderer/bench/**'],
    ['**/state/**', '**/features/**', '**/ui/**', '**/host/**'],
    ['react', 'react-dom', 'zustand', 'lucide-react', '@xyflow/react'],
    'bench/ exposes storage code to npm run bench; it imports nothing above db/.',
  ),
  layer(['src-renderer/ui/**'], ['**/features/**', '**/db/**', '**/host/**'], [], 'ui/ holds shared components: no screens, storage or host.'),
  layer(
    ['src-renderer/room/**'],
    ['**/features/**', '**/ui/**', '**/export/**'],
    ['react', 'react-dom', 'lucide-react', '@xyflow/react'],
    'room/ is the facilitator side of the room (engine, controller, store): screens use it, it uses no screen.',
  ),
  // The participant page imports only the room's pure rules (domain/), the design tokens, its own
  // folder and the few packages a phone needs: never the app's screens, state, database or host.
  {
    files: ['src-renderer/participant/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(\\./[a-z0-9-]+(\\.css)?$|\\.\\./domain/[a-z0-9-]+$|\\.\\./ui/tokens$|react$|react/jsx-runtime$|react-dom/client$|yjs$|@hocuspocus/provider$|y-indexeddb$|zod$|virtual:participant-tokens\\.css$))',
              message: 'The participant page may import only ./*, ../domain/*, ../ui/tokens and react, react-dom/client, yjs, @hocuspocus/provider, y-indexeddb, zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'dexie', 'zustand'].map((name) => ({ name, message: 'src-main imports nothing from the renderer.' })),
          // Except the room's contract (domain/room.ts: pure names, caps and schemas), which the
          // room server, the facilitator's app and the participant page share word for word.
          patterns: [{ regex: 'src-renderer/(?!domain/room$)', message: 'src-main imports nothing from the renderer (but domain/room).' }],
        },
      ],
    },
  },
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
