// Lint: typed rules (no floating promises) everywhere; purity rules for workflow and domain
// code, which must stay deterministic (no I/O, no Node built-ins, no Prisma, no providers, and
// only *types* from activities); and the layer arrows: api → services ← activities, with
// services never reaching back into either, and api and activities never importing each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IO_PATTERNS = [
  { group: ['node:*'], message: 'Node built-ins are not deterministic; keep them out of workflows and domain.' },
  { group: ['fs', 'fs/*', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net', 'worker_threads'], message: 'Node built-ins are not allowed here.' },
  { group: ['pg', '@prisma/*', '**/prisma/**', '**/infra/**'], message: 'Database access belongs in activities.' },
  { group: ['**/providers/**'], message: 'Provider calls belong in activities.' },
];

export const workflowImportRule = [
  'error',
  {
    patterns: [
      ...IO_PATTERNS,
      { group: ['**/activities/**'], message: 'Import activity *types* only (import type) and use proxyActivities.', allowTypeImports: true },
      { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'Workflows may import only @temporalio/workflow and @temporalio/common.' },
    ],
  },
];

export const domainImportRule = [
  'error',
  {
    patterns: [
      ...IO_PATTERNS,
      { group: ['**/activities/**', '**/api/**', '**/workflows/**', '**/worker/**'], message: 'domain/ is pure: it imports nothing from the outer layers.' },
      { group: ['@temporalio/*', 'hono', '@hono/*'], message: 'domain/ is framework-free.' },
    ],
  },
];

const API = { group: ['**/api/**', '**/api'], message: 'services/ and activities/ never import the api: move the shared operation into services/<context>/.' };
const ACTIVITIES = { group: ['**/activities/**', '**/activities'], message: 'Only the worker imports activities: call the operation in services/<context>/ instead.' };

export const servicesImportRule = [
  'error',
  {
    patterns: [
      API,
      ACTIVITIES,
      { group: ['**/worker/**'], message: 'services/ never imports the worker.' },
      { group: ['hono', 'hono/*', '@hono/node-server', '@hono/node-server/*'], message: 'services/ is HTTP-free: take plain inputs, throw DomainError; the route maps both.' },
    ],
  },
];
export const activitiesImportRule = ['error', { patterns: [API] }];
export const apiImportRule = ['error', { patterns: [ACTIVITIES, { group: ['**/worker/**'], message: 'The api never imports the worker.' }] }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'prisma/generated/**', '.data/**', 'tmp/**', 'coverage/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['workflows/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': workflowImportRule } },
  { files: ['domain/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': domainImportRule } },
  { files: ['services/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': servicesImportRule } },
  { files: ['activities/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': activitiesImportRule } },
  { files: ['api/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': apiImportRule } },
);
