// Import runs: their range, progress and outcome, the record an interrupted import resumes from.
import type { ImportProgress, ImportRun, ImportStatus } from '../../domain/history/import-run.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface ImportRange {
  readonly from: EpochMs | null;
  readonly to: EpochMs | null;
}

export interface ImportRunRepository {
  /** Records a new run in status `running` with empty progress, owned by this process. */
  start(kind: string, range: ImportRange, at: EpochMs): Promise<ImportRun>;
  updateProgress(id: number, progress: ImportProgress): Promise<void>;
  finish(
    id: number,
    status: Exclude<ImportStatus, 'running'>,
    at: EpochMs,
    error?: string,
  ): Promise<ImportRun>;
  /** The most recently started run of that kind. */
  latest(kind: string): Promise<ImportRun | null>;
  /**
   * Marks `interrupted` the runs left `running` by a process that has ended, and returns them; a run
   * whose process is alive, or runs on another machine, is left alone.
   */
  interruptAbandoned(at: EpochMs): Promise<ImportRun[]>;
}
