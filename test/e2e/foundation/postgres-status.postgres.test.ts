// PostgreSQL run only: `narada status` and `narada db migrate` name the database in use as
// postgres://user@host:port/db, and a password in DATABASE_URL appears in no output and no log.
import { afterAll, describe, expect, it } from '@jest/globals';
import { freshSchemaUrl } from '../../integration/persistence/postgres-test-database.js';
import { cleanEnv, logText, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir();
afterAll(() => home.remove());

const PASSWORD = 'pw-Never-Shown-4417';

describe('PostgreSQL: the database in use, shown without its password', () => {
  it('names postgres://user@host:port/db in status and db migrate, and the password nowhere', async () => {
    const schema = await freshSchemaUrl();
    try {
      const url = new URL(schema.url);
      // Trust authentication accepts any password: it is only carried, and must never be shown.
      url.password = PASSWORD;
      const shown = `postgres://${url.username}@${url.hostname}:${url.port || '5432'}${url.pathname}`;
      const env = cleanEnv(home.path, { DATABASE_URL: url.toString() });

      const migrate = await runNarada(['db', 'migrate'], { env });
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toContain(shown);
      const status = await runNarada(['status'], { env });
      expect(status.code).toBe(0);
      expect(status.stdout).toContain(`Database:     ${shown}`);
      const json = await runNarada(['status', '--json'], { env });
      expect(json.json<{ database: { path: string } }>().database.path).toBe(shown);

      for (const result of [migrate, status, json]) {
        expect(result.stdout + result.stderr).not.toContain(PASSWORD);
      }
      expect(logText(home.path)).not.toContain(PASSWORD);
    } finally {
      await schema.drop();
    }
  });
});
