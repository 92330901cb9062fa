// DATABASE_URL=postgres://... whose server cannot be reached: a clear configuration error naming the
// host and database, and the password in no output and no log. Needs no PostgreSQL (nothing listens).
import { afterAll, describe, expect, it } from '@jest/globals';
import { cleanEnv, logText, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir();
afterAll(() => home.remove());

const PASSWORD = 'pw-Never-Shown-7731';

describe('DATABASE_URL naming a PostgreSQL server that is not there', () => {
  it('fails as a configuration error naming host and database, never the password', async () => {
    // Port 9 (discard) on the loopback: nothing listens there.
    const env = cleanEnv(home.path, { DATABASE_URL: `postgres://ann:${PASSWORD}@127.0.0.1:9/narada` });
    for (const args of [['status'], ['status', '--json'], ['db', 'migrate']]) {
      const result = await runNarada(args, { env });
      expect(result.code).toBe(2);
      expect(result.stderr + result.stdout).toContain('postgres://ann@127.0.0.1:9/narada');
      expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    }
    expect(logText(home.path)).not.toContain(PASSWORD);
  });
});
