// `ExportHistory` over a real SQLite file: listens paged out in order (duplicates left out), in the
// three formats, and a file written whole or not at all.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ListenExportStore } from '../../../src/application/ports/listen-export-store.port.js';
import { fileListenToRecord, IdentityMemo } from '../../../src/application/history/upstream-listens.js';
import { ExportHistory, EXPORT_PAGE } from '../../../src/application/use-cases/history/export-history.js';
import { HistoryExportFiles } from '../../../src/infrastructure/exporters/history-export-target.js';
import { spotifyTrackUri } from '../../fixtures/history/spotify-export-rows.js';
import { aScrobbledListen, aStreamedListen, openHistoryKit, type HistoryKit } from './history-test-kit.js';

const T0 = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;
const memo = new IdentityMemo();
const streamed = (user: string, playedAt: number, n: number) => aStreamedListen(user, playedAt, n);
const scrobbled = (user: string, playedAt: number, title: string) => aScrobbledListen(user, playedAt, title);
const TOTAL = 2 * EXPORT_PAGE + 345;

/** The i-th listen's start: three listens share each tenth minute, so pages end inside a shared second. */
const startOf = (i: number) => T0 + Math.floor(i / 3) * 10 * MINUTE;

describe('ExportHistory', () => {
  let kit: HistoryKit;
  const stdout: string[] = [];
  const stdoutStream = {
    write: (chunk: string) => stdout.push(chunk) > 0,
  } as unknown as NodeJS.WritableStream;

  beforeEach(async () => {
    kit = await openHistoryKit();
    stdout.length = 0;
    for (let start = 0; start < TOTAL; start += 500) {
      const batch = [];
      for (let i = start; i < Math.min(TOTAL, start + 500); i++) batch.push(streamed('ann', startOf(i), i));
      await kit.recorder.record(batch);
    }
    // The same listen scrobbled to Last.fm: a duplicate, never exported twice.
    await kit.recorder.record([scrobbled('ann', startOf(7) + 5_000, 'Song 7')]);
    await kit.recorder.record([streamed('bob', T0 + 5 * MINUTE, 99_999)]);
  });
  afterEach(async () => kit.dispose());

  const exporter = (listens: ListenExportStore = kit.repos.listenExport) =>
    new ExportHistory({ listens, target: new HistoryExportFiles(stdoutStream) });

  it('writes every listen once, oldest first, as JSON lines with Narada fields', async () => {
    const out = join(kit.folder, 'listens.jsonl');
    const summary = await exporter().run({ format: 'jsonl', user: 'ann', out });
    expect(summary).toMatchObject({ listens: TOTAL, out, user: 'ann', first: new Date(T0).toISOString() });
    const rows = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(TOTAL);
    expect(rows.map((r) => r.title)).toEqual(Array.from({ length: TOTAL }, (_, i) => `Song ${i}`));
    expect(rows[7]).toMatchObject({
      played_at: new Date(startOf(7)).toISOString(),
      user: 'ann',
      artist: 'Band',
      album: 'Album',
      ms_played: 200_000,
      source: 'spotify_export',
      spotify_id: spotifyTrackUri(7).slice('spotify:track:'.length),
    });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(kit.folder).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('leaves out, when asked, the listens a source already holds, its own and those it shares', async () => {
    const fromListenBrainz = (playedAt: number, title: string) =>
      fileListenToRecord(
        { source: 'listenbrainz', artist: 'Band', title, album: null, playedAt, payload: '{}' },
        'ann',
        null,
        memo,
      );
    // Song 8 also came from a ListenBrainz export; "Only there" came from nowhere else.
    await kit.recorder.record([fromListenBrainz(startOf(8) + 20_000, 'Song 8')]);
    await kit.recorder.record([fromListenBrainz(startOf(TOTAL + 10), 'Only there')]);
    const titles = async (notFrom?: 'listenbrainz') =>
      (
        await kit.repos.listenExport.page({ user: 'ann', limit: 10 * TOTAL, ...(notFrom ? { notFrom } : {}) })
      ).map((listen) => listen.title);
    const all = await titles();
    expect(all).toHaveLength(TOTAL + 1);
    expect(all).toContain('Only there');
    const toSend = await titles('listenbrainz');
    expect(toSend).toHaveLength(TOTAL - 1);
    expect(toSend).not.toContain('Song 8');
    expect(toSend).not.toContain('Only there');
  });

  it('keeps to the range and the listener, and with no user exports every listener', async () => {
    const since = startOf(30);
    const until = startOf(60);
    const summary = await exporter().run({ format: 'jsonl', since, until, out: null });
    const rows = stdout
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { title: string });
    expect(rows.map((r) => r.title)).toEqual(Array.from({ length: 30 }, (_, i) => `Song ${30 + i}`));
    expect(summary.listens).toBe(30);
    stdout.length = 0;
    await exporter().run({ format: 'jsonl', until: startOf(3), out: null });
    expect(
      stdout
        .join('')
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { user: string }).user),
    ).toEqual(['ann', 'ann', 'ann', 'bob']);
  });

  it('writes CSV with a header row, and a header alone when nothing matches', async () => {
    const out = join(kit.folder, 'listens.csv');
    await exporter().run({ format: 'csv', user: 'bob', out });
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({ user: 'bob', title: 'Song 99999', artist: 'Band', ms_played: '200000' }),
    ]);
    await exporter().run({ format: 'csv', user: 'nobody', out });
    expect(readFileSync(out, 'utf8')).toBe(
      'played_at,user,artist,title,album,duration_ms,ms_played,source,isrc,recording_mbid,spotify_id,track_id\n',
    );
  });

  it("writes ListenBrainz's listen format", async () => {
    await exporter().run({ format: 'listenbrainz', user: 'bob', out: null });
    expect(JSON.parse(stdout.join(''))).toEqual({
      listened_at: (T0 + 5 * MINUTE) / 1000,
      track_metadata: {
        artist_name: 'Band',
        track_name: 'Song 99999',
        release_name: 'Album',
        additional_info: {
          submission_client: 'Narada',
          music_service: 'spotify.com',
          spotify_id: `https://open.spotify.com/track/${spotifyTrackUri(99_999).slice('spotify:track:'.length)}`,
        },
      },
    });
  });

  it('leaves an older file as it was when the export fails part way', async () => {
    const out = join(kit.folder, 'listens.jsonl');
    writeFileSync(out, 'before\n');
    let pages = 0;
    const failing: ListenExportStore = {
      page: async (q) => {
        if (++pages === 2) throw new Error('disk read failed');
        return kit.repos.listenExport.page(q);
      },
    };
    await expect(exporter(failing).run({ format: 'jsonl', out })).rejects.toThrow('disk read failed');
    expect(readFileSync(out, 'utf8')).toBe('before\n');
    expect(readdirSync(kit.folder).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
