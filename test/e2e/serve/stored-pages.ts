// Waiting, from the test's side, for a running import to have stored some of its pages.
import type { EngineDatabase } from '../../../src/infrastructure/persistence/engine-database.js';

/**
 * Waits until an import run in the database `open` opens has stored `pages` pages, looking every
 * 50 ms for 15 s. On SQLite a page is stored before the read-ahead of the next goes out; on
 * PostgreSQL its writes are still in flight then.
 */
export async function pagesStored(open: () => Promise<EngineDatabase>, pages: number): Promise<void> {
  const db = await open();
  try {
    for (let tries = 0; tries < 300; tries++) {
      const runs = await db.sql.all<{ progress: string }>(`SELECT "progress" FROM "import_runs"`);
      const done = runs.map((run) => (JSON.parse(run.progress) as { pagesDone: number }).pagesDone);
      if (done.some((n) => n >= pages)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the import did not store ${pages} pages in 15 s`);
  } finally {
    await db.close();
  }
}
