// Where exported listens go: a file (written whole or not at all) or standard output, in one of the
// export formats. The door pages listens in; the sink serialises them as they come.
import type { ExportFormat } from '../../domain/history/export-format.js';
import type { ExportedListen } from './listen-export-store.port.js';

export interface ListenSink {
  write(listens: readonly ExportedListen[]): Promise<void>;
  /** Everything is written: a file appears under its name only now. */
  commit(): Promise<void>;
  /** Something failed: a file being written is removed, an older file of that name is left as it was. */
  abort(): Promise<void>;
}

export interface HistoryExportTarget {
  /** `out` null: standard output. */
  open(format: ExportFormat, out: string | null): Promise<ListenSink>;
}
