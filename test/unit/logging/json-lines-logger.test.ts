import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonLinesLogger } from '../../../src/infrastructure/logging/json-lines-logger.js';
import { Redactor } from '../../../src/infrastructure/logging/redact.js';

describe('JsonLinesLogger', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function logger() {
    const dir = mkdtempSync(join(tmpdir(), 'narada-log-'));
    dirs.push(dir);
    const echoed: string[] = [];
    const log = new JsonLinesLogger({
      dir,
      redactor: new Redactor(['s3cret']),
      echo: (line) => echoed.push(line),
      now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
    });
    const lines = () => {
      log.close();
      return readdirSync(dir).flatMap((file) =>
        readFileSync(join(dir, file), 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
    };
    return { log, echoed, lines };
  }

  it('echoes warnings and errors, and records into the file alone what the person already sees', () => {
    const { log, echoed, lines } = logger();
    log.warn('slow down', { service: 'spotify' });
    log.record('error', 'workflow task failed', { taskId: 'write', token: 's3cret' });
    log.info('command done');
    expect(echoed).toEqual(['warn: slow down']);
    expect(lines()).toEqual([
      { at: '2026-01-02T03:04:05.000Z', level: 'warn', message: 'slow down', service: 'spotify' },
      {
        at: '2026-01-02T03:04:05.000Z',
        level: 'error',
        message: 'workflow task failed',
        taskId: 'write',
        token: '[redacted]',
      },
      { at: '2026-01-02T03:04:05.000Z', level: 'info', message: 'command done' },
    ]);
  });
});
