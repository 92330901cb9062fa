import { describe, expect, it, afterAll } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redactor } from '../../../src/infrastructure/logging/redact.js';
import { JsonLinesLogger } from '../../../src/infrastructure/logging/json-lines-logger.js';

const root = mkdtempSync(join(tmpdir(), 'narada-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Redactor', () => {
  const redactor = new Redactor(['topsecretvalue', 'sk-abc123']);

  it('replaces known secret values wherever they appear in text', () => {
    expect(redactor.text('token topsecretvalue used with sk-abc123')).toBe(
      'token [redacted] used with [redacted]',
    );
  });

  it('redacts secret-looking query parameters in URLs', () => {
    expect(redactor.text('POST http://h/2.0/?method=track.love&api_sig=deadbeef&sk=zzz')).toBe(
      'POST http://h/2.0/?method=track.love&api_sig=[redacted]&sk=[redacted]',
    );
  });

  it('redacts fields by name, deeply, and leaves the rest', () => {
    expect(
      redactor.value({
        user: 'ann',
        refresh_token: 'r',
        nested: { sessionKey: 'k', apiSecret: 'x', count: 3 },
        list: ['sk-abc123'],
      }),
    ).toEqual({
      user: 'ann',
      refresh_token: '[redacted]',
      nested: { sessionKey: '[redacted]', apiSecret: '[redacted]', count: 3 },
      list: ['[redacted]'],
    });
  });
});

describe('JsonLinesLogger', () => {
  it('writes one JSON object per line, mode 0600, with secrets redacted', () => {
    const dir = join(root, 'logs');
    const logger = new JsonLinesLogger({
      dir,
      redactor: new Redactor(['hunter2hunter2']),
      now: () => Date.UTC(2026, 10, 21),
    });
    logger.info('refreshing with hunter2hunter2', { accessToken: 'abc', page: 2 });
    logger.close();
    const [file] = readdirSync(dir);
    expect(file).toBe('narada-2026-11-21.jsonl');
    const path = join(dir, file!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const entry = JSON.parse(readFileSync(path, 'utf8').trim()) as Record<string, unknown>;
    expect(entry).toEqual({
      at: '2026-11-21T00:00:00.000Z',
      level: 'info',
      message: 'refreshing with [redacted]',
      accessToken: '[redacted]',
      page: 2,
    });
  });
});
