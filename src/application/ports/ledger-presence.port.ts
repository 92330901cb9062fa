// Which listens the ledger already holds, asked without writing: what a dry run of an import reports.
import type { RawListeningEvent } from '../../domain/history/listening-event.js';

export interface LedgerPresence {
  /** How many of the events the ledger holds (same user, source, start time and track key). Reads only. */
  countHeld(events: readonly RawListeningEvent[]): Promise<number>;
}
