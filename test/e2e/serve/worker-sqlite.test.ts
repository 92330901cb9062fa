// `narada worker` on SQLite: serve works its jobs in its own process there, so a worker has no queue
// to share; it says it needs DATABASE_URL=postgres://... and exits 2. So does `serve --no-jobs`.
import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { cleanEnv, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir('narada-e2e-worker-');
afterAll(() => home.remove());

describe('SQLite: narada worker', () => {
  it('exits 2 and names DATABASE_URL', async () => {
    const env = cleanEnv(home.path, {
      DATABASE_URL: `sqlite:${join(home.path, 'narada.db')}`,
      LASTFM_API_KEY: 'k',
    });
    const worker = await runNarada(['worker', '--json'], { env });
    expect(worker.code).toBe(2);
    expect(worker.json<{ error: { code: string; message: string } }>().error).toEqual({
      code: 'WORKER.NEEDS_POSTGRES',
      message: expect.stringContaining('DATABASE_URL=postgres://'),
    });
    const serve = await runNarada(['serve', '--no-jobs', '--port', '0'], { env });
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain('DATABASE_URL=postgres://');
  });
});
