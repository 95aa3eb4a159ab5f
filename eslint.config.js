// Lint at zero warnings (npm run lint). tsc runs separately (npm run typecheck). Type-aware rules
// (promises) run on the server and web sources only, where a forgotten await loses a write or an
// error; the rest of the tree is linted without type information, to keep CI fast (CONTRIBUTING.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';

// A server module (server/src/modules/<m>/) is entered only through its index.ts: files of
// one module import each other freely; anything else (another module, app.ts, the command
// line, jobs, tests, scripts) imports `<m>/index.ts`. Import circles between modules are
// checked by server/test/module-graph.test.ts.
const modulesRoot = path.join(import.meta.dirname, 'server', 'src', 'modules') + path.sep;
const moduleOf = (file) => (file.startsWith(modulesRoot) ? file.slice(modulesRoot.length).split(path.sep)[0] : null);
const moduleBoundaries = {
  meta: { type: 'problem', schema: [], messages: { internal: "'{{target}}' is inside module '{{module}}': import '{{module}}/index.ts' instead (add what you need to its exports)." } },
  create(context) {
    const from = moduleOf(context.filename);
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source.value);
      const to = moduleOf(target);
      if (!to || to === from || target === path.join(modulesRoot, to, 'index.ts')) return;
      context.report({ node: source, messageId: 'internal', data: { target: source.value, module: to } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '**/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use string-literal unions, not enum (STYLE.md).' }],
    },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.ts'],
    plugins: { relais: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: { 'relais/module-boundaries': 'error' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}', 'web/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
  },
  {
    // A promise is awaited, returned, or deliberately left running with `void` (and a comment why);
    // an async function is never passed where a void callback is expected (its rejection would be lost).
    files: ['server/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The design system knows no domain: web/src/ui imports no feature (STYLE.md §10).
    files: ['web/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**', '**/app/**'], message: 'ui/ imports no feature.' }] }],
    },
  },
  {
    // core is shared by server and browser: no Node-only API.
    files: ['core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto'], message: 'core/ runs in the browser too.' }] }],
    },
  },
);
