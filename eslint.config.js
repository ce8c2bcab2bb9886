// Lint holds the architecture: strict types, no cycles, and import boundaries
// (domain/ imports nothing of the app; features do not import each other).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import { readdirSync, existsSync } from 'node:fs';

const features = existsSync('src/features')
  ? readdirSync('src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];

/** Imports that climb more than two folders: use a package.json alias (#domain/…, #api/…) instead. */
const climbingImports = { group: ['../../../**'], message: 'Import across top-level folders through a package.json alias (#domain/…, #api/…, #server/…) instead of climbing folders.' };

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'data', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      // Without it import-x reads only .js/.mjs/.cjs files, so no-cycle skipped every import of
      // ours and spent its time walking JavaScript in node_modules (decision 0195).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      // Packages never import our files back, so no cycle runs through them; #alias imports are ours.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: [climbingImports] }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './domain', from: ['./api', './src', './server', './mocks', './e2e', './scripts'], message: 'domain/ holds pure, universal rules: it imports nothing of the application.' },
            // Tests of the rules may read demo packages and test fixtures; the rules themselves may not.
            { target: './domain/**/!(*.test|*.fixture).ts', from: ['./demo', './tests'], message: 'domain/ holds pure, universal rules: it imports nothing of the application.' },
            { target: './api', from: ['./server', './mocks', './src', './e2e', './scripts', './tests'], message: 'api/ is universal (Request → Response): it imports no server, mocks or browser code.' },
            { target: './api/kernel', from: './api', except: ['./kernel', './store'], message: 'The kernel knows no capability: createApi() hands it the routes, handlers and hooks.' },
            // The storage port sits below the kernel and every capability, which all use it.
            { target: './api/store', from: './api', except: ['./store'], message: 'The storage port (api/store/) imports nothing else of api/: the kernel and every capability import it.' },
            { target: './server/db/schema', from: './server', except: ['./db/schema'], message: 'The table shapes sit below the queries and migrations that use them: they import nothing of server/.' },
            { target: './demo', from: ['./server', './mocks', './src', './scripts'], message: 'The demo is built on api/ and domain/ only.' },
            { target: './src', from: ['./server', './scripts'], message: 'The browser app cannot import server code.' },
            { target: './mocks', from: ['./src'], message: 'Mocks are MSW glue over createApi(), not over the browser app.' },
            ...features.map((name) => ({
              target: `./src/features/${name}`,
              from: './src/features',
              except: [`./${name}`],
              message: 'Features do not import each other; share through src/components, src/lib or domain/.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['domain/**/*.ts', 'api/**/*.ts'],
    ignores: ['domain/**/*.test.ts', 'api/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [climbingImports, { group: ['node:*', 'react', 'react-dom', 'hono', 'pg', 'kysely'], message: 'domain/ and api/ are universal: no Node, DOM framework or storage dependencies.' }] }],
    },
  },
  {
    // V8's JSON.parse mis-decodes escaped object keys (docs/decisions/0237): JSON text is read
    // with parseJson (#domain/json/parse-json.ts), which is the only caller of JSON.parse.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'e2e/**', 'scripts/bench/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'JSON', property: 'parse', message: 'V8 mis-decodes escaped keys (0237): use parseJson from #domain/json/parse-json.ts.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[arguments.length=0][callee.property.name='json']:not([callee.object.name='z'])", message: 'Response#json() is JSON.parse (0237): read the text and use parseJson from #domain/json/parse-json.ts.' },
        // The same reached another way: globalThis.JSON.parse, an alias of JSON, r['json'](), Response.prototype.json.
        { selector: "MemberExpression[object.property.name='JSON'][property.name='parse']", message: 'V8 mis-decodes escaped keys (0237): use parseJson from #domain/json/parse-json.ts.' },
        { selector: "VariableDeclarator[init.name='JSON']", message: 'An alias of JSON escapes the JSON.parse rule (0237): use parseJson from #domain/json/parse-json.ts.' },
        { selector: "CallExpression[arguments.length=0][callee.property.value='json']", message: 'Response#json() is JSON.parse (0237): read the text and use parseJson from #domain/json/parse-json.ts.' },
        { selector: "MemberExpression[object.property.name='prototype'][property.name='json']", message: 'Response#json() is JSON.parse (0237): read the text and use parseJson from #domain/json/parse-json.ts.' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.configs.strict.rules },
  },
  {
    files: ['eslint.config.js', 'server/compile-cache.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
