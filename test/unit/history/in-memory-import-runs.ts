// An ImportRunRepository in memory, for use-case tests that only care about runs and their progress.
import type {
  ImportRange,
  ImportRunRepository,
} from '../../../src/application/ports/import-run-repository.port.js';
import {
  EMPTY_PROGRESS,
  type ImportProgress,
  type ImportRun,
  type ImportStatus,
} from '../../../src/domain/history/import-run.js';

export class InMemoryImportRuns implements ImportRunRepository {
  readonly runs: ImportRun[] = [];

  async start(kind: string, range: ImportRange, at: number): Promise<ImportRun> {
    const run: ImportRun = {
      id: this.runs.length + 1,
      kind,
      rangeFrom: range.from,
      rangeTo: range.to,
      status: 'running',
      progress: EMPTY_PROGRESS,
      startedAt: at,
      finishedAt: null,
      error: null,
      owner: { pid: process.pid, host: 'this-host', startedAt: 0 },
    };
    this.runs.push(run);
    return run;
  }

  async updateProgress(id: number, progress: ImportProgress): Promise<void> {
    this.replace(id, { progress });
  }

  async finish(
    id: number,
    status: Exclude<ImportStatus, 'running'>,
    at: number,
    error?: string,
  ): Promise<ImportRun> {
    return this.replace(id, { status, finishedAt: at, error: error ?? null });
  }

  async latest(kind: string): Promise<ImportRun | null> {
    return [...this.runs].reverse().find((r) => r.kind === kind) ?? null;
  }

  /** Every run here belongs to this live process: none is abandoned. */
  async interruptAbandoned(): Promise<ImportRun[]> {
    return [];
  }

  private replace(id: number, changes: Partial<ImportRun>): ImportRun {
    const index = this.runs.findIndex((r) => r.id === id);
    const run = { ...this.runs[index]!, ...changes };
    this.runs[index] = run;
    return run;
  }
}
