// LedgerPresence on the raw connection: one look-up of the ledger's natural key (its unique index)
// per event, inside no transaction, so a dry run never takes the write lock.
import type Database from 'better-sqlite3';
import type { LedgerPresence } from '../../../application/ports/ledger-presence.port.js';
import type { RawListeningEvent } from '../../../domain/history/listening-event.js';
import type { SqliteDatabase } from '../open-database.js';

export class SqliteLedgerPresence implements LedgerPresence {
  private readonly held: Database.Statement<[string, string, number, string], { one: number }>;

  constructor(db: SqliteDatabase) {
    this.held = db.sqlite.prepare(
      `SELECT 1 AS one FROM "listening_events"
        WHERE "user" = ? AND "source" = ? AND "played_at" = ? AND "track_key" = ?`,
    );
  }

  async countHeld(events: readonly RawListeningEvent[]): Promise<number> {
    let held = 0;
    for (const e of events) {
      if (this.held.get(e.user, e.source, e.playedAt, e.trackKey) !== undefined) held += 1;
    }
    return held;
  }
}
