import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const moduleNames = ['identity', 'reference', 'companies', 'engagement', 'business-service', 'recruitment', 'competence', 'schools', 'insight', 'network'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'server/db/migrations/**', 'bench/out/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', document: 'readonly', window: 'readonly', navigator: 'readonly', localStorage: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a string-literal union instead of enum.' }],
    },
  },
  // Boundaries (STYLE.md §1): enforced here, not in prose.
  {
    files: ['common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/web/**', 'fastify', 'drizzle-orm*', 'react*'], message: 'common/ imports neither server/ nor web/.' }] }] },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'web/ never imports server/.' }] }] },
  },
  ...moduleNames.map((name) => ({
    files: [`server/modules/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: moduleNames.filter((m) => m !== name).flatMap((m) => [`../${m}/*`, `../../${m}/*`, `**/modules/${m}/*`]),
          message: 'Modules import each other only through index.ts.',
        }],
      }],
    },
  })),
  ...moduleNames.map((name) => ({
    files: [`web/features/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/**'], message: 'web/ never imports server/.' },
          { group: moduleNames.filter((m) => m !== name).flatMap((m) => [`../${m}`, `../${m}/*`, `**/features/${m}`, `**/features/${m}/*`]), message: 'Web features do not import each other; compose them in web/app.' },
        ],
      }],
    },
  })),
);
