// The ledger of listens exactly as received. Append-only: there is deliberately no update or delete.
import type { RawListeningEvent, StoredListeningEvent } from '../../domain/history/listening-event.js';

export interface AppendResult {
  /** Events stored by this call. */
  readonly inserted: number;
  /** Events skipped because the ledger already held them (same user, source, time and track key). */
  readonly existing: number;
}

export interface ListeningEventRepository {
  /** Bulk path: one transaction; an event already in the ledger is skipped and counted as existing. */
  appendMany(events: readonly RawListeningEvent[]): Promise<AppendResult>;
  count(): Promise<number>;
  /** Every event in the order stored, `pageSize` at a time. */
  pages(pageSize?: number): AsyncIterable<readonly StoredListeningEvent[]>;
}
