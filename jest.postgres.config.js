// `npm run test:postgres`: the persistence, integration and end-to-end suites against the PostgreSQL
// server in NARADA_TEST_DATABASE_URL (each test file in its own fresh database, dropped afterwards),
// plus the PostgreSQL-only `*.postgres.test.ts`. Tests that open SQLite files themselves (pragmas,
// WAL, damaged files, locking) stay on SQLite here too.
import base from './jest.config.js';

const url = process.env.NARADA_TEST_DATABASE_URL?.trim();
if (!url) {
  throw new Error(
    'npm run test:postgres needs NARADA_TEST_DATABASE_URL, e.g. ' +
      'NARADA_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:postgres',
  );
}

export default {
  ...base,
  testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
