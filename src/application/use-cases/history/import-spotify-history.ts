// `narada history import spotify`: streaming-history exports (extended or account data, plain or
// zipped) into the ledger. Each file is one transaction: a file that stops parsing leaves nothing
// behind, and the files before and after it are imported as usual.
import type { Clock } from '../../ports/clock.port.js';
import type { ImportRunRepository } from '../../ports/import-run-repository.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { SpotifyExportFile, SpotifyExportSource } from '../../ports/spotify-export.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { CorruptExportError } from '../../../domain/history/history-errors.js';
import {
  DEFAULT_MIN_MS_PLAYED,
  judgeSpotifyRow,
  type SkipReason,
} from '../../../domain/history/spotify-listen-rules.js';
import { importFileInOneRun } from '../../history/file-import-run.js';
import type { ListenRecorder, ListenToRecord } from '../../history/listen-recorder.js';
import { IdentityMemo, spotifyListenToRecord } from '../../history/upstream-listens.js';

export interface ImportSpotifyHistoryDeps {
  readonly source: SpotifyExportSource;
  readonly runs: ImportRunRepository;
  readonly recorder: ListenRecorder;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
  /** Whose listens exports hold when not told: the Last.fm user, so both sources meet. */
  readonly defaultListener: () => Promise<string | null>;
}

export interface SpotifyImportOptions {
  readonly paths: readonly string[];
  /** A row counts as a listen from this much played; default 30 s. */
  readonly minMsPlayed?: number;
  readonly user?: string;
}

export type SkipCounts = Record<SkipReason, number>;

export interface SpotifyFileReport {
  readonly file: string;
  readonly status: 'imported' | 'corrupt';
  readonly rows: number;
  readonly new: number;
  readonly alreadyPresent: number;
  /** New rows that are listens already held from another capture (a scrobble): counted once. */
  readonly sameAsOtherSource: number;
  readonly skipped: SkipCounts;
  /** Why a corrupt file was refused (nothing of it was imported). */
  readonly error?: string;
}

export interface SpotifyImportSummary {
  readonly user: string;
  readonly minSeconds: number;
  readonly files: readonly SpotifyFileReport[];
  readonly rows: number;
  readonly new: number;
  readonly alreadyPresent: number;
  readonly sameAsOtherSource: number;
  readonly skipped: SkipCounts;
  /** The files refused whole; the command exits 2 when there are any. */
  readonly corrupt: readonly CorruptExportError[];
}

const ROWS_PER_BATCH = 2000;
export const FALLBACK_LISTENER = 'me';

export class ImportSpotifyHistory {
  private readonly identities = new IdentityMemo();

  constructor(private readonly deps: ImportSpotifyHistoryDeps) {}

  async run(options: SpotifyImportOptions): Promise<SpotifyImportSummary> {
    const user = options.user ?? (await this.deps.defaultListener()) ?? FALLBACK_LISTENER;
    const minMsPlayed = options.minMsPlayed ?? DEFAULT_MIN_MS_PLAYED;
    const files = await this.deps.source.files(options.paths);
    // Runs a killed import left `running` are closed first, so none stays `running` for ever.
    await this.deps.runs.interruptAbandoned(this.deps.clock.now());
    const recorder = this.deps.recorder.remembering();
    const reports: SpotifyFileReport[] = [];
    const corrupt: CorruptExportError[] = [];
    for (const file of files) {
      try {
        reports.push(await this.importFile(file, user, minMsPlayed, recorder));
      } catch (error) {
        if (!(error instanceof CorruptExportError)) throw error;
        corrupt.push(error);
        reports.push({ ...emptyReport(file.label), status: 'corrupt', error: error.message });
      }
    }
    const sum = (pick: (r: SpotifyFileReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
    const imported = reports.filter((r) => r.status === 'imported');
    return {
      user,
      minSeconds: minMsPlayed / 1000,
      files: reports,
      rows: sum((r) => r.rows),
      new: sum((r) => r.new),
      alreadyPresent: sum((r) => r.alreadyPresent),
      sameAsOtherSource: sum((r) => r.sameAsOtherSource),
      skipped: sumSkips(imported.map((r) => r.skipped)),
      corrupt,
    };
  }

  private async importFile(
    file: SpotifyExportFile,
    user: string,
    minMsPlayed: number,
    recorder: ListenRecorder,
  ): Promise<SpotifyFileReport> {
    const skipped = emptySkips();
    const identities = this.identities;
    const counts = await importFileInOneRun(this.deps, recorder, {
      kind: 'history:spotify_export',
      label: file.label,
      title: `Spotify export ${file.label}`,
      sizeBytes: file.sizeBytes,
      async *batches(runId) {
        for await (const batch of file.batches(ROWS_PER_BATCH)) {
          const listens: ListenToRecord[] = [];
          for (const record of batch.records) {
            const verdict = judgeSpotifyRow(record.row, minMsPlayed);
            if (verdict.kind === 'skip') skipped[verdict.reason] += 1;
            else listens.push(spotifyListenToRecord(verdict.listen, record.payload, user, runId, identities));
          }
          yield { rows: batch.records.length, listens, bytesRead: batch.bytesRead };
        }
      },
      done: (c) =>
        `${c.new} new, ${c.alreadyPresent} already present, ${c.rows - c.new - c.alreadyPresent} skipped`,
    });
    return { ...emptyReport(file.label), ...counts, skipped };
  }
}

function emptySkips(): SkipCounts {
  return { short: 0, podcast: 0, audiobook: 0, no_track: 0 };
}

function emptyReport(file: string): { -readonly [K in keyof SpotifyFileReport]: SpotifyFileReport[K] } {
  return {
    file,
    status: 'imported',
    rows: 0,
    new: 0,
    alreadyPresent: 0,
    sameAsOtherSource: 0,
    skipped: emptySkips(),
  };
}

function sumSkips(all: readonly SkipCounts[]): SkipCounts {
  const total = emptySkips();
  for (const counts of all)
    for (const reason of Object.keys(total) as SkipReason[]) total[reason] += counts[reason];
  return total;
}
