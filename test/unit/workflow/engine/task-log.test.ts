import { describe, expect, it } from '@jest/globals';
import type { LogFields, Logger, LogLevel } from '../../../../src/application/ports/logger.port.js';
import { logTaskResult } from '../../../../src/application/workflow/task-log.js';
import type { TaskResult } from '../../../../src/domain/workflow/workflow-run.js';

interface Entry {
  readonly how: 'echoed' | 'recorded';
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: LogFields | undefined;
}

function memoryLogger(): Logger & { readonly entries: Entry[] } {
  const entries: Entry[] = [];
  const echoed = (level: LogLevel) => (message: string, fields?: LogFields) =>
    void entries.push({ how: 'echoed', level, message, fields });
  return {
    entries,
    debug: echoed('debug'),
    info: echoed('info'),
    warn: echoed('warn'),
    error: echoed('error'),
    record: (level, message, fields) => void entries.push({ how: 'recorded', level, message, fields }),
  };
}

const succeeded: TaskResult = {
  taskId: 'write',
  type: 'destination.update_spotify_playlist',
  status: 'succeeded',
  inputCount: 3,
  outputCount: 3,
  durationMs: 40,
  error: null,
  details: { attempts: 1 },
};

describe('logTaskResult', () => {
  it('records a failure with its error, time and code, in the log only', () => {
    const logger = memoryLogger();
    logTaskResult(logger, 7, {
      ...succeeded,
      status: 'failed',
      error: 'Spotify asks us to wait 1 h',
      details: { code: 'SPOTIFY.RATE_LIMITED', category: 'failure', retryable: true },
    });
    expect(logger.entries).toEqual([
      {
        how: 'recorded',
        level: 'error',
        message: 'workflow task failed',
        fields: {
          runId: 7,
          taskId: 'write',
          type: 'destination.update_spotify_playlist',
          error: 'Spotify asks us to wait 1 h',
          durationMs: 40,
          code: 'SPOTIFY.RATE_LIMITED',
          category: 'failure',
          retryable: true,
        },
      },
    ]);
  });

  it('records a task not run with the reason', () => {
    const logger = memoryLogger();
    logTaskResult(logger, 7, { ...succeeded, status: 'skipped', error: 'not run: upstream task "a" failed' });
    expect(logger.entries).toEqual([
      {
        how: 'recorded',
        level: 'warn',
        message: 'workflow task not run',
        fields: {
          runId: 7,
          taskId: 'write',
          type: 'destination.update_spotify_playlist',
          reason: 'not run: upstream task "a" failed',
        },
      },
    ]);
  });

  it('records a re-plan, and nothing for a task that planned once', () => {
    const logger = memoryLogger();
    logTaskResult(logger, 7, succeeded);
    logTaskResult(logger, 7, { ...succeeded, taskId: 'plain', details: {} });
    expect(logger.entries).toEqual([]);
    logTaskResult(logger, 7, { ...succeeded, details: { attempts: 3 } });
    expect(logger.entries).toEqual([
      {
        how: 'recorded',
        level: 'warn',
        message: 'workflow task re-planned',
        fields: {
          runId: 7,
          taskId: 'write',
          type: 'destination.update_spotify_playlist',
          attempts: 3,
          replans: 2,
        },
      },
    ]);
  });
});
