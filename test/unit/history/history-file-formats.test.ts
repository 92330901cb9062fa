// Recognising Last.fm CSV layouts and ListenBrainz listens, and reading their rows: the pure parts of
// `narada history import file`, on rows taken from the real-shaped fixtures in test/fixtures/exports.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { jsonLines } from '../../../src/infrastructure/importers/json-lines.js';
import {
  parseCsvTime,
  recogniseCsvLayout,
} from '../../../src/infrastructure/importers/lastfm-csv-layouts.js';
import {
  listenBrainzUser,
  looksLikeListenBrainzListen,
  readListenBrainzListen,
} from '../../../src/infrastructure/importers/listenbrainz-listen.js';

const EXPORTS = join(process.cwd(), 'test/fixtures/exports');
const rows = (name: string) =>
  parse(readFileSync(join(EXPORTS, name)), { relax_quotes: true, relax_column_count: true }) as string[][];

describe('Last.fm CSV layouts', () => {
  it('recognises lastfm-to-csv (artist,album,track,date, no header) and reads its minute-precision time', () => {
    const [first] = rows('lastfm-to-csv-benjaminbenben.csv');
    const layout = recogniseCsvLayout(first!);
    expect(layout).toMatchObject({ name: 'lastfm-to-csv (artist,album,track,date)', header: false });
    expect(layout!.read(first!)).toEqual({
      artist: 'lur',
      title: 'New World Towers',
      album: 'The Magic Whip',
      playedAt: Date.UTC(2021, 2, 22, 16, 55),
    });
  });

  it('recognises lastfm-backup (date,time,artist,track, no header), with seconds and no album', () => {
    const [first] = rows('lastfm-backup-cli.csv');
    const layout = recogniseCsvLayout(first!);
    expect(layout).toMatchObject({ name: 'lastfm-backup (date,time,artist,track)', header: false });
    expect(layout!.read(first!)).toEqual({
      artist: 'PRO8L3M',
      title: 'Backstage',
      album: null,
      playedAt: Date.UTC(2021, 3, 1, 10, 42, 53),
    });
  });

  it('reads a headed export by its column names, preferring unix seconds (uts) to the minute-precision utc_time', () => {
    const [header, first] = rows('lastfm-ghan-recenttracks.csv');
    const layout = recogniseCsvLayout(header!);
    expect(layout).toMatchObject({ header: true });
    expect(layout!.name).toContain('uts,utc_time,artist');
    expect(layout!.read(first!)).toEqual({
      artist: 'Nelly Furtado',
      title: 'Say It Right',
      album: 'Loose',
      playedAt: 1779022496_000,
    });
  });

  it('refuses first rows of no known layout', () => {
    expect(recogniseCsvLayout(['a', 'b', 'c'])).toBeNull();
    expect(recogniseCsvLayout(['Radiohead', 'OK Computer', 'Airbag', 'yesterday'])).toBeNull();
    expect(recogniseCsvLayout(['name', 'playlist', 'added'])).toBeNull();
  });

  it('says why a row of a known layout is no listen', () => {
    const layout = recogniseCsvLayout(['Blur', 'Parklife', 'Girls & Boys', '01 Jan 2021 10:00'])!;
    expect(layout.read(['Blur', 'Parklife', 'Girls & Boys', '31 Feb 2021 10:00'])).toEqual({
      error: '"31 Feb 2021 10:00" is not a time between 2002 and 2099',
    });
    expect(layout.read(['', 'Parklife', 'Girls & Boys', '01 Jan 2021 10:00'])).toEqual({
      error: 'no artist',
    });
    expect(layout.read(['Blur', 'Parklife'])).toEqual({ error: '2 column(s) where the layout has 4' });
  });

  it('parses the time forms the exports use, in UTC', () => {
    expect(parseCsvTime('31 Jan 2021 18:04')).toBe(Date.UTC(2021, 0, 31, 18, 4));
    expect(parseCsvTime('17 May 2026, 12:54')).toBe(Date.UTC(2026, 4, 17, 12, 54));
    expect(parseCsvTime('2021-04-01 10:42:53')).toBe(Date.UTC(2021, 3, 1, 10, 42, 53));
    expect(parseCsvTime('2021-04-01T12:42:53+02:00')).toBe(Date.UTC(2021, 3, 1, 10, 42, 53));
    expect(parseCsvTime('1617273773')).toBe(1617273773_000);
    expect(parseCsvTime('1999-01-01 10:00')).toBeNull();
    expect(parseCsvTime('soon')).toBeNull();
  });
});

describe('ListenBrainz listens', () => {
  const lines = readFileSync(join(EXPORTS, 'listenbrainz-export-zip/listens/2025/6.jsonl'), 'utf8')
    .trim()
    .split('\n');

  it('reads an exported listen: listened_at is the start, in unix seconds', () => {
    const value = JSON.parse(lines[0]!) as unknown;
    expect(looksLikeListenBrainzListen(value)).toBe(true);
    expect(readListenBrainzListen(value)).toEqual({
      artist: 'OurR',
      title: 'Desert',
      album: 'Desert',
      playedAt: 1749780612_000,
    });
  });

  it("names the export's user from user.json", () => {
    const user = JSON.parse(
      readFileSync(join(EXPORTS, 'listenbrainz-export-zip/user.json'), 'utf8'),
    ) as unknown;
    expect(listenBrainzUser(user)).toBe('shoko1');
    expect(listenBrainzUser({ user_name: 'rob' })).toBe('rob');
    expect(listenBrainzUser({})).toBeNull();
  });

  it('says what a line lacks', () => {
    expect(readListenBrainzListen({ listened_at: '1749780612', track_metadata: {} })).toEqual({
      error: 'listened_at "1749780612" is not unix seconds',
    });
    expect(readListenBrainzListen({ listened_at: 1749780612, track_metadata: { track_name: 'x' } })).toEqual({
      error: 'track_metadata.artist_name is missing',
    });
    expect(looksLikeListenBrainzListen({ ts: '2025-01-01T00:00:00Z' })).toBe(false);
  });
});

describe('jsonLines', () => {
  async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
    for (const part of parts) yield Buffer.from(part);
  }
  async function all(source: AsyncIterable<Buffer>) {
    const out = [];
    for await (const line of jsonLines(source)) out.push(line);
    return out;
  }

  it('splits lines across chunk boundaries, numbering them and skipping blank ones', async () => {
    const lines = await all(chunks('{"a":1}\r\n{"b"', ':2}\n\n{"c":3}'));
    expect(lines.map((l) => [l.number, l.text])).toEqual([
      [1, '{"a":1}'],
      [2, '{"b":2}'],
      [4, '{"c":3}'],
    ]);
    expect(lines[2]!.bytesRead).toBe(25); // the whole stream
  });

  it('reports a line too long to be a listen instead of holding it', async () => {
    const long = 'x'.repeat((1 << 20) + 10);
    const lines = await all(chunks('{"a":1}\n', long.slice(0, 600_000), long.slice(600_000)));
    expect(lines[1]).toMatchObject({ number: 2, error: expect.stringContaining('longer than') });
  });
});
