// LedgerPresence: one look-up of the ledger's natural key (its unique index) per event, inside no
// transaction, so a dry run never takes the write lock.
import type { LedgerPresence } from '../../../application/ports/ledger-presence.port.js';
import type { RawListeningEvent } from '../../../domain/history/listening-event.js';
import type { EngineDatabase } from '../engine-database.js';

const HELD = `SELECT 1 AS "one" FROM "listening_events"
  WHERE "user" = ? AND "source" = ? AND "played_at" = ? AND "track_key" = ?`;

export class SqlLedgerPresence implements LedgerPresence {
  constructor(private readonly db: EngineDatabase) {}

  async countHeld(events: readonly RawListeningEvent[]): Promise<number> {
    let held = 0;
    for (const e of events) {
      if ((await this.db.sql.one(HELD, [e.user, e.source, e.playedAt, e.trackKey])) !== undefined) held += 1;
    }
    return held;
  }
}
