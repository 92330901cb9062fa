// PostgreSQL for the job tests: a fresh schema per test, migrated as Narada migrates it, and as many
// "processes" over it as a test wants, each with its own pools and connections (as two machines
// would have), all closed when the test ends.
import { afterAll, afterEach } from '@jest/globals';
import {
  openPostgresCoordination,
  type PostgresCoordination,
} from '../../../src/infrastructure/jobs/postgres-coordination.js';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import { dropFileDatabase, freshSchemaUrl } from '../persistence/postgres-test-database.js';

afterAll(dropFileDatabase);

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** Runs `cleanup` after the test, in reverse order of registration. */
export function afterTest(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

/** A fresh schema with Narada's tables; its URL selects it for every connection. */
export async function freshLibrary(): Promise<string> {
  const schema = await freshSchemaUrl();
  const db = await openDatabase({ path: 'unused', url: schema.url });
  await db.close();
  afterTest(schema.drop);
  return schema.url;
}

/** One process's coordination pool over the library at `url`. */
export function aProcess(url: string): PostgresCoordination {
  const coordination = openPostgresCoordination(url);
  afterTest(() => coordination.close());
  return coordination;
}

export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
