// `narada history export`: writes the interpreted listens (one per listen) out as JSON lines, CSV or
// ListenBrainz's listen format, a page at a time, so memory stays flat whatever the history's size.
import type { HistoryExportTarget } from '../../ports/history-export.port.js';
import type { ListenCursor, ListenExportStore } from '../../ports/listen-export-store.port.js';
import type { ExportFormat } from '../../../domain/history/export-format.js';
import { toIso, type EpochMs } from '../../../domain/values/time.js';

export interface ExportHistoryDeps {
  readonly listens: ListenExportStore;
  readonly target: HistoryExportTarget;
}

export interface ExportHistoryOptions {
  readonly format: ExportFormat;
  readonly since?: EpochMs;
  readonly until?: EpochMs;
  readonly user?: string;
  /** A file, or null for standard output. */
  readonly out: string | null;
}

export interface ExportHistorySummary {
  readonly format: ExportFormat;
  readonly out: string | null;
  readonly user: string | null;
  readonly listens: number;
  /** Start times of the first and last listen written (null when none). */
  readonly first: string | null;
  readonly last: string | null;
}

export const EXPORT_PAGE = 1000;

export class ExportHistory {
  constructor(private readonly deps: ExportHistoryDeps) {}

  async run(options: ExportHistoryOptions): Promise<ExportHistorySummary> {
    const sink = await this.deps.target.open(options.format, options.out);
    let count = 0;
    let first: EpochMs | null = null;
    let after: ListenCursor | undefined;
    try {
      for (;;) {
        const page = await this.deps.listens.page({
          user: options.user,
          since: options.since,
          until: options.until,
          after,
          limit: EXPORT_PAGE,
        });
        if (page.length === 0) break;
        await sink.write(page);
        count += page.length;
        first ??= page[0]!.playedAt;
        const end = page[page.length - 1]!;
        after = { playedAt: end.playedAt, playId: end.playId };
        if (page.length < EXPORT_PAGE) break;
      }
      await sink.commit();
    } catch (error) {
      await sink.abort();
      throw error;
    }
    return {
      format: options.format,
      out: options.out,
      user: options.user ?? null,
      listens: count,
      first: first === null ? null : toIso(first),
      last: after === undefined ? null : toIso(after.playedAt),
    };
  }
}
