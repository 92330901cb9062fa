// Jest in native ESM mode: @swc/jest transpiles TypeScript (with legacy decorators and their
// metadata, as TypeORM expects); type checking is `npm run build`'s job.
const swcOptions = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', tsx: true, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcOptions] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  // `*.postgres.test.ts` need a PostgreSQL server: `npm run test:postgres` (jest.postgres.config.js) runs them.
  // PostgreSQL-only tests run under `npm run test:postgres`, the browser's under `npm run test:browser`
  // (each needs a server or a browser that .ci/run provides; `npm test` needs neither).
  testPathIgnorePatterns: ['/node_modules/', '\\.postgres\\.test\\.ts$', '<rootDir>/test/browser/'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
