// One export file (or one part of it) imported as one import run in one transaction: its rows are
// recorded batch by batch with the run's progress kept, and a file that stops parsing leaves nothing.
// The Spotify import and `history import file` both import files this way.
import type { Clock } from '../ports/clock.port.js';
import type { ImportRunRepository } from '../ports/import-run-repository.port.js';
import type { ProgressReporter } from '../ports/progress.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';
import { recordImportFailure } from './import-run-failure.js';
import type { ListenRecorder, ListenToRecord } from './listen-recorder.js';

export interface FileImportDeps {
  readonly runs: ImportRunRepository;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
}

/** What a batch of rows became: the listens to record (rows skipped by a rule are not among them). */
export interface RecordableBatch {
  readonly rows: number;
  readonly listens: readonly ListenToRecord[];
  /** Bytes read so far, for progress. */
  readonly bytesRead: number;
}

export interface FileImportCounts {
  rows: number;
  new: number;
  alreadyPresent: number;
  sameAsOtherSource: number;
}

export interface FileToImport {
  /** The import run's kind, e.g. `history:spotify_export`. */
  readonly kind: string;
  /** Names the file in the run's cursor. */
  readonly label: string;
  /** The progress line. */
  readonly title: string;
  readonly sizeBytes: number;
  /** The file's rows as batches; `runId` is the run the listens belong to. */
  batches(runId: number): AsyncIterable<RecordableBatch>;
  /** The progress line's last words. */
  done(counts: FileImportCounts): string;
}

export async function importFileInOneRun(
  deps: FileImportDeps,
  recorder: ListenRecorder,
  file: FileToImport,
): Promise<FileImportCounts> {
  const { runs, clock, progress, unitOfWork } = deps;
  const run = await runs.start(file.kind, { from: null, to: null }, clock.now());
  const task = progress.task(file.title, file.sizeBytes);
  try {
    const counts = await unitOfWork.transaction(async () => {
      const c: FileImportCounts = { rows: 0, new: 0, alreadyPresent: 0, sameAsOtherSource: 0 };
      let bytesSeen = 0;
      for await (const batch of file.batches(run.id)) {
        const outcome = await recorder.recordInUnit(batch.listens);
        c.rows += batch.rows;
        c.new += outcome.inserted;
        c.alreadyPresent += outcome.existing;
        c.sameAsOtherSource += outcome.sameAsHeld;
        await runs.updateProgress(run.id, {
          pagesDone: 0,
          pagesTotal: null,
          itemsNew: c.new,
          itemsExisting: c.alreadyPresent,
          itemsSkipped: c.rows - c.new - c.alreadyPresent,
          cursor: `${file.label}#${c.rows}`,
        });
        task.advance(batch.bytesRead - bytesSeen, `${c.rows} rows`);
        bytesSeen = batch.bytesRead;
      }
      return c;
    });
    await runs.finish(run.id, 'completed', clock.now());
    task.done(file.done(counts));
    return counts;
  } catch (error) {
    await recordImportFailure(error, { runId: run.id, task, recorder, runs, clock });
    throw error;
  }
}
