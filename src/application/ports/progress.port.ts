// Progress of long work (imports, resolution, workflows), shown as a bar on a terminal or as
// plain lines in scripts; use cases report, adapters decide how it looks.

export interface ProgressTask {
  /** Counts `by` more items done; `detail` is a short note on what is happening now. */
  advance(by?: number, detail?: string): void;
  setTotal(total: number): void;
  done(summary?: string): void;
  fail(message: string): void;
}

export interface ProgressReporter {
  task(label: string, total?: number): ProgressTask;
}

export const SILENT_PROGRESS: ProgressReporter = {
  task: () => ({ advance() {}, setTotal() {}, done() {}, fail() {} }),
};
