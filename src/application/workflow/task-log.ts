// What the log keeps of a workflow run's tasks: each failure (with its error code), each task not run
// and why, and each destination that had to re-plan because the playlist changed under it. The person
// sees these in the progress lines and the run's report; the log keeps them for later.
import type { Logger } from '../ports/logger.port.js';
import type { TaskResult } from '../../domain/workflow/workflow-run.js';

export function logTaskResult(logger: Logger, runId: number, result: TaskResult): void {
  const fields = { runId, taskId: result.taskId, type: result.type };
  if (result.status === 'failed') {
    logger.record('error', 'workflow task failed', {
      ...fields,
      error: result.error,
      durationMs: result.durationMs,
      ...result.details,
    });
    return;
  }
  if (result.status === 'skipped') {
    logger.record('warn', 'workflow task not run', { ...fields, reason: result.error });
    return;
  }
  // A Spotify destination plans again when the playlist changed since it was read; `attempts` counts plans.
  const attempts = result.details['attempts'];
  if (typeof attempts === 'number' && attempts > 1)
    logger.record('warn', 'workflow task re-planned', { ...fields, attempts, replans: attempts - 1 });
}
