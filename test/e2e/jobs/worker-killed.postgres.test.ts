// A worker killed mid-job (kill -9: no goodbye, its job left active in pg-boss): once the job's expiry
// passes, pg-boss fails it and another worker process retries it, going on from the stored cursor;
// every page ends up stored exactly once. The processes run the built job queue (npm run build).
import { describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgresCoordination } from '../../../src/infrastructure/jobs/postgres-coordination.js';
import { PgBossJobQueue } from '../../../src/infrastructure/jobs/pg-boss-job-queue.js';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import { dropFileDatabase, freshSchemaUrl } from '../../integration/persistence/postgres-test-database.js';
import { afterAll } from '@jest/globals';

afterAll(dropFileDatabase);

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'paged-job-worker.mjs');
const PAGES = 30;

function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER], {
    env: { PATH: process.env.PATH ?? '', JOB_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
  });
}

async function until(read: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await read())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a worker killed mid-job', () => {
  it('has its job retried by another worker, resumed from the cursor, no page stored twice', async () => {
    const schema = await freshSchemaUrl();
    await (await openDatabase({ path: 'unused', url: schema.url })).close();
    const db = new pg.Pool({ connectionString: schema.url, max: 2 });
    const coordination = openPostgresCoordination(schema.url);
    const serve = new PgBossJobQueue({ coordination, sliceMs: 1_000, retryDelaySeconds: 1 });
    const workers: ChildProcess[] = [];
    try {
      await db.query(`CREATE TABLE "test_pages" ("page" integer NOT NULL, "pid" integer NOT NULL)`);
      await db.query(`CREATE TABLE "test_cursor" ("key" text PRIMARY KEY, "page" integer NOT NULL)`);
      const pagesStored = async () =>
        Number((await db.query(`SELECT COUNT(*) AS "n" FROM "test_pages"`)).rows[0].n);

      const first = await startWorker(schema.url);
      workers.push(first);
      const job = await serve.enqueue({ kind: 'pages', singletonKey: 'pages:1', payload: { pages: PAGES } });
      await until(async () => (await pagesStored()) >= 5, 20_000);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      const storedByFirst = await pagesStored();
      expect(storedByFirst).toBeLessThan(PAGES);
      expect((await serve.state('pages:1'))?.status).toMatch(/running|pending/);

      const second = await startWorker(schema.url);
      workers.push(second);
      await until(async () => (await serve.state('pages:1'))?.status === 'completed', 60_000);

      const { rows } = await db.query<{ page: number; pid: number }>(
        `SELECT "page", "pid" FROM "test_pages" ORDER BY "page"`,
      );
      expect(rows.map((row) => row.page)).toEqual(Array.from({ length: PAGES }, (_, i) => i + 1));
      // The second worker began where the first had stopped, not from the start.
      const bySecond = rows.filter((row) => row.pid === second.pid).map((row) => row.page);
      expect(bySecond[0]).toBe(storedByFirst + 1);
      expect(bySecond.at(-1)).toBe(PAGES);
      expect((await serve.state('pages:1'))?.id).not.toBe(job.id);
    } finally {
      for (const worker of workers) worker.kill('SIGKILL');
      await serve.stop();
      await coordination.close();
      await db.end();
      await schema.drop();
    }
  }, 90_000);
});
