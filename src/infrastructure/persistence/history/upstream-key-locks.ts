// Find-or-create of tracks by upstream record, made safe between processes on PostgreSQL: two imports
// of the same songs at once would each find no mapping under READ COMMITTED and each make a track.
// Each missing record's key is locked for the rest of the transaction (advisory, in one sorted order, so two
// batches queue instead of deadlocking; a deadlock all the same is retried by the unit of work). SQLite
// needs nothing: its write lock already lets one transaction at a time find and create.
import { createHash } from 'node:crypto';
import type { EngineDatabase } from '../engine-database.js';
import { sqlList } from '../sql/sql-runner.js';

/** Any constant: the first half of the two-key advisory locks, so they meet no other lock of Narada's. */
const UPSTREAM_TRACK_LOCKS = 7_311_405;

/** Locks `keys` till the transaction ends; false when the engine needs no lock (SQLite). */
export async function lockUpstreamKeys(db: EngineDatabase, keys: readonly string[]): Promise<boolean> {
  if (db.engine !== 'postgres' || keys.length === 0) return false;
  // Keys hold NUL separators, which PostgreSQL text refuses: each is locked by a 32-bit hash of it.
  const hashes = [...new Set(keys.map((key) => createHash('sha1').update(key).digest().readInt32BE(0)))];
  await db.sql.run(
    `SELECT pg_advisory_xact_lock(${UPSTREAM_TRACK_LOCKS}, l."h") FROM (
       SELECT DISTINCT k."h" AS "h" FROM unnest(CAST(? AS integer[])) AS k("h") ORDER BY 1) AS l`,
    [sqlList(hashes.sort((a, b) => a - b))],
  );
  return true;
}
