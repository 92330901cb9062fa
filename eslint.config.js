import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // The domain stays pure: no I/O, no frameworks (see docs/ARCHITECTURE.md).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/application/**', '**/infrastructure/**'], message: 'domain imports only domain' },
            {
              group: [
                'typeorm',
                'inversify',
                'yargs',
                'ink',
                'react',
                'node:*',
                'fs',
                'http',
                'better-sqlite3',
              ],
              message: 'domain code does no I/O and uses no frameworks',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/infrastructure/**'], message: 'application never imports infrastructure' },
            {
              group: ['typeorm', 'inversify', 'yargs', 'ink', 'better-sqlite3'],
              message: 'application talks to the world through ports',
            },
          ],
        },
      ],
    },
  },
);
