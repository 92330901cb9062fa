// A worker process for the kill test: the built pg-boss job queue working a job of `pages` pages, each
// page stored with the job's cursor in one transaction (as the Last.fm import stores a page and its
// checkpoint), stopping at a checkpoint when its slice ends. JOB_URL names the library's database.
import { openPostgresCoordination } from '../../../dist/src/infrastructure/jobs/postgres-coordination.js';
import { PgBossJobQueue } from '../../../dist/src/infrastructure/jobs/pg-boss-job-queue.js';

const coordination = openPostgresCoordination(process.env.JOB_URL);
const { pool } = coordination;
const queue = new PgBossJobQueue({ coordination, sliceMs: 1_000, retryDelaySeconds: 1 });

await queue.work('pages', async (payload, context) => {
  for (;;) {
    const { rows } = await pool.query(`SELECT "page" FROM "test_cursor" WHERE "key" = $1`, [
      context.singletonKey,
    ]);
    const page = rows[0]?.page ?? 0;
    if (page >= payload.pages) return;
    if (context.signal.aborted) throw new Error('stopped at a checkpoint');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO "test_pages" ("page", "pid") VALUES ($1, $2)`, [page + 1, process.pid]);
      await client.query(
        `INSERT INTO "test_cursor" ("key", "page") VALUES ($1, $2) ON CONFLICT ("key") DO UPDATE SET "page" = excluded."page"`,
        [context.singletonKey, page + 1],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
});
process.stdout.write('working\n');
process.on('SIGTERM', () => {
  void queue
    .stop()
    .then(() => coordination.close())
    .then(() => process.exit(0));
});
