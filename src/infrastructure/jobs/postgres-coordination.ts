// What the Narada processes of one PostgreSQL database coordinate through, apart from the data: a small
// pool of its own (never a transaction of the unit of work: a progress event or a rate-limit slot is
// not undone with a rolled-back page), the NOTIFY channel of job progress, and pg-boss's schema. When
// DATABASE_URL selects a schema (`?options=-c search_path=s`), the channel and pg-boss's schema are
// named after it, so two libraries in one database share neither their jobs nor their events.
import pg from 'pg';

export interface PostgresCoordination {
  /** The full DATABASE_URL (a secret: never shown). */
  readonly url: string;
  readonly pool: pg.Pool;
  /** The PostgreSQL notification channel every job event goes out on. */
  readonly notifyChannel: string;
  /** pg-boss's own schema: `pgboss`, or `<schema>_pgboss`. */
  readonly jobSchema: string;
  /** Runs `closer` when the coordination closes, before its pool (the queue, the listening connection). */
  onClose(closer: () => Promise<void>): void;
  /** Closes what registered with `onClose`, last first, then the pool. */
  close(): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,40}$/;

/** The schema DATABASE_URL selects with `options=-c search_path=<schema>`; null when none. */
export function selectedSchema(url: string): string | null {
  let options: string | null;
  try {
    options = new URL(url).searchParams.get('options');
  } catch {
    return null;
  }
  const match = options === null ? null : /search_path=([^\s,]+)/.exec(options);
  const schema = match?.[1]?.replace(/"/g, '').toLowerCase() ?? null;
  return schema !== null && IDENTIFIER.test(schema) ? schema : null;
}

export function openPostgresCoordination(url: string, connections = 3): PostgresCoordination {
  const schema = selectedSchema(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: connections,
    application_name: 'narada-jobs',
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its server is dropped, not thrown at the process.
  pool.on('error', () => undefined);
  let closing: Promise<void> | null = null;
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
    await pool.end();
  };
  return {
    url,
    pool,
    notifyChannel: schema === null ? 'narada_jobs' : `narada_jobs_${schema}`,
    jobSchema: schema === null ? 'pgboss' : `${schema}_pgboss`,
    onClose: (closer) => void closers.push(closer),
    close: () => (closing ??= close()),
  };
}
