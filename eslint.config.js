// ESLint flat config for the whole tree: typescript-eslint's type-aware recommended rules on every
// TypeScript file, eslint-plugin-vue's recommended rules on single-file components, and
// eslint-config-prettier last so no rule argues with Prettier about formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', 'mock-data/cities/**', 'tests/e2e/artifacts/**', 'test-results/**', 'client/src/styles/fonts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser },
    },
  },
  {
    rules: {
      // Unused names are dead code; a leading `_` marks a parameter or binding kept on purpose
      // (a callback's position, a destructured field dropped from a copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `let hub; const sink = { publish: () => hub!.publish() }; hub = createHub(sink)`: a
      // forward reference read inside a closure before the one assignment is deliberate here.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `== null` is the one loose comparison worth keeping (null or undefined).
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/no-floating-promises': 'error',
      // Express's `declare global { namespace Express { ... } }` augmentation is a namespace by nature.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      // A `.catch` that passes a caught value on unchanged (`Promise.reject(err)`) keeps whatever
      // was thrown; it cannot be an Error by type, and wrapping it would change what callers see.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Services here are closures returned as objects of functions, never classes using `this`
      // (`auth.verifyToken`, `ingest.alerts`, `useI18n().t`, `batch.cancel`): passing one on is
      // safe, and the rule cannot tell an interface's method signature from a class method.
      '@typescript-eslint/unbound-method': 'off',
      // `async` without `await` is how this codebase implements a Promise-returning interface
      // (in-memory stores, test fakes) and turns a synchronous throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // `String(value)` of `unknown` is a deliberate coercion at the edges (query lists, CSV cells,
      // database text, arrays joined by commas); the real mistake, an object inside a template
      // literal, stays caught by restrict-template-expressions.
      '@typescript-eslint/no-base-to-string': 'off',
      // The text guards and wire parsers match control characters on purpose (NUL, C0 controls).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['server/src/**', 'client/src/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // The browser has no logger: a failure worth seeing goes to the devtools console.
    files: ['client/src/**'],
    rules: { 'no-console': ['error', { allow: ['error', 'warn'] }] },
  },
  {
    // The process entry prints the startup banner and configuration refusals to the terminal,
    // where a pino JSON line would bury them; everything after start goes through the logger.
    files: ['server/src/main.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests read untyped JSON bodies (`res.json()`, `any` from supertest-style helpers) and the
      // assertions that follow are the type check; casting every body would only add noise.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Component tests define small host components inline, next to the test that mounts them.
      'vue/one-component-per-file': 'off',
    },
  },
  // Plain JavaScript (this file, scripts/start.mjs) is outside the TypeScript project.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
