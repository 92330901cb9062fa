// How every history import ends when it fails part way: the same steps for Last.fm and Spotify.
import type { Clock } from '../ports/clock.port.js';
import type { ImportRunRepository } from '../ports/import-run-repository.port.js';
import type { ProgressTask } from '../ports/progress.port.js';
import type { ListenRecorder } from './listen-recorder.js';

export interface FailedImport {
  readonly runId: number;
  readonly task: ProgressTask;
  readonly recorder: ListenRecorder;
  readonly runs: ImportRunRepository;
  readonly clock: Clock;
}

/**
 * Shows why on the progress line, forgets the tracks made in the transaction that rolled back (they
 * are gone), and stores the run as failed with the reason. The caller rethrows.
 */
export async function recordImportFailure(error: unknown, failed: FailedImport): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  failed.task.fail(message);
  failed.recorder.forgetTracks();
  await failed.runs.finish(failed.runId, 'failed', failed.clock.now(), message);
}
