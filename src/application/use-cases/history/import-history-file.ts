// `narada history import file PATH...`: recognises each file by its content and imports it — Spotify
// exports through the Spotify import, Last.fm CSVs and page dumps and ListenBrainz exports here. Every path is
// recognised before anything is written; each file part is one transaction (batches inside), so a
// file that stops parsing leaves nothing behind and running the command again resumes through the
// ledger's natural key. A dry run reads every file through the same steps and writes nothing.
import type { Clock } from '../../ports/clock.port.js';
import type {
  HistoryFileFormat,
  HistoryFilePart,
  HistoryFileSource,
  RecognisedHistoryFile,
} from '../../ports/history-file.port.js';
import type { ImportRunRepository } from '../../ports/import-run-repository.port.js';
import type { LedgerPresence } from '../../ports/ledger-presence.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { CorruptExportError } from '../../../domain/history/history-errors.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { importFileInOneRun } from '../../history/file-import-run.js';
import type { ListenRecorder } from '../../history/listen-recorder.js';
import { fileListenToRecord, IdentityMemo } from '../../history/upstream-listens.js';
import type { SpotifyImportSummary, SpotifyImportOptions } from './import-spotify-history.js';
import { FALLBACK_LISTENER } from './import-spotify-history.js';

export interface ImportHistoryFileDeps {
  readonly source: HistoryFileSource;
  /** Spotify exports go through the Spotify import, unchanged. */
  readonly spotify: { run(options: SpotifyImportOptions): Promise<SpotifyImportSummary> };
  readonly runs: ImportRunRepository;
  readonly recorder: ListenRecorder;
  /** What a dry run asks: which rows the ledger already holds. */
  readonly ledger: LedgerPresence;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
  /** The listener `stats` reads by default (the Last.fm user), when neither --user nor the file names one. */
  readonly defaultListener: () => Promise<string | null>;
}

export interface HistoryFileReport {
  readonly path: string;
  readonly format: HistoryFileFormat;
  /** What was recognised, in words. */
  readonly recognised: string;
  readonly user: string;
  /** `would_import`: read by a dry run; `not_read`: a Spotify export in a dry run (not read). */
  readonly status: 'imported' | 'corrupt' | 'would_import' | 'not_read';
  readonly rows: number;
  readonly new: number;
  readonly alreadyPresent: number;
  /** New rows that are listens already held from another source: counted once (0 in a dry run). */
  readonly sameAsOtherSource: number;
  readonly error?: string;
}

export interface HistoryFileImportSummary {
  /** Nothing was written: the counts say what an import would do. */
  readonly dryRun: boolean;
  readonly files: readonly HistoryFileReport[];
  readonly rows: number;
  readonly new: number;
  readonly alreadyPresent: number;
  readonly sameAsOtherSource: number;
  /** Parts refused whole; the command exits 2 when there are any. */
  readonly corrupt: readonly CorruptExportError[];
}

const ROWS_PER_BATCH = 2000;

export class ImportHistoryFile {
  private readonly identities = new IdentityMemo();

  constructor(private readonly deps: ImportHistoryFileDeps) {}

  async run(options: {
    readonly paths: readonly string[];
    readonly user?: string;
    readonly dryRun?: boolean;
  }): Promise<HistoryFileImportSummary> {
    const dryRun = options.dryRun === true;
    // Asked once a run, and only when a file names no user (it may ask Last.fm who is logged in).
    let fallback: Promise<string> | undefined;
    const defaultListener = () =>
      (fallback ??= this.deps.defaultListener().then((name) => name ?? FALLBACK_LISTENER));
    const recognised: RecognisedHistoryFile[] = [];
    for (const path of options.paths) {
      const file = await this.deps.source.recognise(path);
      if (file.format === null) {
        throw new InvalidInputError(
          'HISTORY.UNRECOGNISED_FILE',
          `${path} is not a listening history Narada can read: ${file.reason}. Expected a Spotify export (JSON, zip or folder), a Last.fm CSV (lastfm-to-csv, lastfm-backup, or a header naming artist, track and time columns), Last.fm user.getRecentTracks pages saved as JSON, or a ListenBrainz export (zip, JSONL or a JSON list). Nothing was imported.`,
          { details: { path } },
        );
      }
      recognised.push(file);
    }
    const reports: HistoryFileReport[] = [];
    const corrupt: CorruptExportError[] = [];
    const spotifyFiles = recognised.filter((f) => f.format === 'spotify_export');
    if (dryRun) {
      // The Spotify import has no dry run of its own: its files are named as recognised, not read.
      for (const f of spotifyFiles) {
        const user = options.user ?? (await defaultListener());
        reports.push({ ...emptyReport(f, { label: f.path }, user), status: 'not_read' });
      }
    } else if (spotifyFiles.length > 0) {
      const summary = await this.deps.spotify.run({
        paths: spotifyFiles.map((f) => f.path),
        user: options.user,
      });
      corrupt.push(...summary.corrupt);
      for (const f of summary.files) {
        const { file, status, rows, alreadyPresent, sameAsOtherSource, error } = f;
        const recognisedAs = 'Spotify streaming history';
        reports.push({
          path: file,
          format: 'spotify_export',
          recognised: recognisedAs,
          user: summary.user,
          status,
          rows,
          new: f.new,
          alreadyPresent,
          sameAsOtherSource,
          ...(error === undefined ? {} : { error }),
        });
      }
    }
    const others = recognised.filter((f) => f.format !== 'spotify_export');
    if (others.length > 0 && !dryRun) await this.deps.runs.interruptAbandoned(this.deps.clock.now());
    const recorder = this.deps.recorder.remembering();
    for (const file of others) {
      const user = options.user ?? file.listener ?? (await defaultListener());
      for (const part of file.parts) {
        try {
          reports.push(
            dryRun
              ? await this.readPart(file, part, user)
              : await this.importPart(file, part, user, recorder),
          );
        } catch (error) {
          if (!(error instanceof CorruptExportError)) throw error;
          corrupt.push(error);
          reports.push({ ...emptyReport(file, part, user), status: 'corrupt', error: error.message });
        }
      }
    }
    const sum = (pick: (r: HistoryFileReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
    return {
      dryRun,
      files: reports,
      rows: sum((r) => r.rows),
      new: sum((r) => r.new),
      alreadyPresent: sum((r) => r.alreadyPresent),
      sameAsOtherSource: sum((r) => r.sameAsOtherSource),
      corrupt,
    };
  }

  private async importPart(
    file: RecognisedHistoryFile,
    part: HistoryFilePart,
    user: string,
    recorder: ListenRecorder,
  ): Promise<HistoryFileReport> {
    const identities = this.identities;
    const counts = await importFileInOneRun(this.deps, recorder, {
      kind: `history:file:${file.format}`,
      label: part.label,
      title: `${file.description}: ${part.label}`,
      sizeBytes: part.sizeBytes,
      async *batches(runId) {
        for await (const batch of part.batches(ROWS_PER_BATCH)) {
          const listens = batch.listens.map((l) => fileListenToRecord(l, user, runId, identities));
          yield { rows: listens.length, listens, bytesRead: batch.bytesRead };
        }
      },
      done: (c) => `${c.new} new, ${c.alreadyPresent} already present`,
    });
    return { ...emptyReport(file, part, user), ...counts };
  }

  /** A dry run's reading of a part: every row read and checked, those the ledger holds counted. */
  private async readPart(
    file: RecognisedHistoryFile,
    part: HistoryFilePart,
    user: string,
  ): Promise<HistoryFileReport> {
    const task = this.deps.progress.task(`${file.description}: ${part.label} (dry run)`, part.sizeBytes);
    const r = { ...emptyReport(file, part, user), status: 'would_import' as const };
    let bytesSeen = 0;
    try {
      for await (const batch of part.batches(ROWS_PER_BATCH)) {
        const events = batch.listens.map((l) => fileListenToRecord(l, user, null, this.identities).event);
        const held = await this.deps.ledger.countHeld(events);
        r.rows += events.length;
        r.alreadyPresent += held;
        r.new += events.length - held;
        task.advance(batch.bytesRead - bytesSeen, `${r.rows} rows`);
        bytesSeen = batch.bytesRead;
      }
    } catch (error) {
      task.fail(error instanceof Error ? error.message : String(error));
      throw error;
    }
    task.done(`would import ${r.new} new, ${r.alreadyPresent} already present`);
    return r;
  }
}

function emptyReport(
  file: Pick<RecognisedHistoryFile, 'format' | 'description'>,
  part: Pick<HistoryFilePart, 'label'>,
  user: string,
): { -readonly [K in keyof HistoryFileReport]: HistoryFileReport[K] } {
  return {
    path: part.label,
    format: file.format,
    recognised: file.description,
    user,
    status: 'imported',
    rows: 0,
    new: 0,
    alreadyPresent: 0,
    sameAsOtherSource: 0,
  };
}
