import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { ImportSpotifyHistory } from '../../../src/application/use-cases/history/import-spotify-history.js';
import {
  aNullRow,
  anAccountRow,
  anExtendedRow,
  aPodcastAccountRow,
  exportText,
  spotifyTrackUri,
} from '../../fixtures/history/spotify-export-rows.js';
import { buildZip } from '../../fixtures/history/zip-writer.js';
import { exportRowBytes } from '../../../src/infrastructure/importers/export-row-text.js';
import { openHistoryKit, type HistoryKit } from './history-test-kit.js';
import { exportFile, spotifyImporter } from './spotify-import-kit.js';

const MIXED_ROWS = [
  anExtendedRow({
    ts: '2025-03-01T10:04:00Z',
    msPlayed: 240_000,
    track: 'Reckoner',
    artist: 'Radiohead',
    uri: spotifyTrackUri(1),
  }),
  anExtendedRow({
    ts: '2025-03-01T10:05:00Z',
    msPlayed: 12_000,
    track: 'Nude',
    artist: 'Radiohead',
    uri: spotifyTrackUri(2),
  }),
  anExtendedRow({
    ts: '2025-03-01T10:09:00Z',
    msPlayed: 29_999,
    track: 'Nude',
    artist: 'Radiohead',
    uri: spotifyTrackUri(2),
  }),
  anExtendedRow({
    ts: '2025-03-01T11:00:00Z',
    msPlayed: 1_800_000,
    episode: { name: 'Ep 1', show: 'A Show', uri: 'spotify:episode:1' },
  }),
  anExtendedRow({
    ts: '2025-03-01T12:00:00Z',
    msPlayed: 900_000,
    audiobook: { title: 'A Book', uri: 'spotify:audiobook:1' },
  }),
  aNullRow('2025-03-01T12:10:00Z', 200_000),
  aNullRow('2025-03-01T12:15:00Z', 100_000),
  anExtendedRow({
    ts: '2025-03-01T12:20:00Z',
    msPlayed: 30_000,
    track: 'Videotape',
    artist: 'Radiohead',
    uri: spotifyTrackUri(3),
  }),
  anExtendedRow({
    ts: '2025-03-02T09:00:00Z',
    msPlayed: 200_000,
    track: 'Reckoner',
    artist: 'Radiohead',
    uri: spotifyTrackUri(1),
  }),
];

describe('ImportSpotifyHistory on files, zips and folders', () => {
  let kit: HistoryKit;
  beforeEach(async () => {
    kit = await openHistoryKit();
  });
  afterEach(() => kit.dispose());

  const importer = (defaultListener: string | null = 'ana'): ImportSpotifyHistory =>
    spotifyImporter(kit, defaultListener);
  const file = (name: string, content: string | Buffer): string => exportFile(kit, name, content);

  it('imports listens and counts short plays, podcasts, audiobooks and rows without a track as skipped', async () => {
    const path = file('Streaming_History_Audio_2025.json', exportText(MIXED_ROWS));

    const summary = await importer().run({ paths: [path] });

    expect(summary).toMatchObject({
      user: 'ana',
      minSeconds: 30,
      rows: 9,
      new: 3,
      alreadyPresent: 0,
      skipped: { short: 2, podcast: 1, audiobook: 1, no_track: 2 },
      corrupt: [],
    });
    const first = (
      await kit.query('SELECT * FROM "listening_events" ORDER BY "played_at" LIMIT 1')
    )[0] as Record<string, unknown>;
    expect(first).toMatchObject({
      user: 'ana',
      source: 'spotify_export',
      played_at: Date.parse('2025-03-01T10:04:00Z') - 240_000,
      track_key: spotifyTrackUri(1),
      ms_played: 240_000,
    });
    // The row's own text, indentation and all.
    expect(first.payload).toMatch(/^\{\n {4}"ts": "2025-03-01T10:04:00Z",\n {4}"platform"/);
    expect(JSON.parse(first.payload as string)).toEqual(MIXED_ROWS[0]);
  });

  it('keeps a row that is not UTF-8 byte for byte in the ledger, reading its names with a Latin-1 fallback', async () => {
    const [before, after] = JSON.stringify(
      anExtendedRow({ ts: '2025-03-01T10:04:00Z', msPlayed: 200_000, track: '@', artist: 'Beyoncé' }),
      null,
      2,
    ).split('"@"');
    // "Café ’OK’" written by a Latin-1 (Windows-1252) tool: é is 0xE9, ’ is 0x92.
    const latin1Title = Buffer.from([0x22, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x92, 0x4f, 0x4b, 0x92, 0x22]);
    const row = Buffer.concat([Buffer.from(before!), latin1Title, Buffer.from(after!)]);
    const path = file(
      'Streaming_History_Audio_2025.json',
      Buffer.concat([Buffer.from('[\n'), row, Buffer.from('\n]')]),
    );

    expect(await importer().run({ paths: [path] })).toMatchObject({ new: 1, corrupt: [] });

    const { payload } = (await kit.query('SELECT "payload" FROM "listening_events"'))[0] as {
      payload: string;
    };
    expect(payload).not.toContain('\uFFFD');
    expect(exportRowBytes(payload).equals(row)).toBe(true);
    expect((await kit.query('SELECT "title", "primary_artist" FROM "tracks"'))[0]).toEqual({
      title: 'Café ’OK’',
      primary_artist: 'Beyoncé',
    });
  });

  it('takes the listen threshold it is given', async () => {
    const path = file('Streaming_History_Audio_2025.json', exportText(MIXED_ROWS));
    const summary = await importer().run({ paths: [path], minMsPlayed: 10_000 });
    expect(summary).toMatchObject({ new: 5, skipped: { short: 0 } });
  });

  it('reads the history files of a zip, deflated or stored, in folders or not, and ignores the rest', async () => {
    const zip = buildZip([
      {
        name: 'Spotify Extended Streaming History/Streaming_History_Audio_2025_1.json',
        data: exportText(MIXED_ROWS.slice(0, 3)),
      },
      {
        name: 'Spotify Extended Streaming History/Streaming_History_Audio_2025_2.json',
        data: exportText(MIXED_ROWS.slice(3)),
        method: 'store',
      },
      {
        name: 'Spotify Account Data/StreamingHistory_music_0.json',
        data: exportText([anAccountRow('2025-04-01 08:00', 'Carpenters', 'Top Of The World', 180_000)]),
      },
      {
        name: 'Spotify Account Data/StreamingHistory_podcast_0.json',
        data: exportText([aPodcastAccountRow('2025-04-01 09:00', 'A Show', 'Ep 2', 600_000)]),
      },
      { name: 'Spotify Account Data/YourLibrary.json', data: '{"tracks": []}' },
      { name: 'Spotify Account Data/', data: '' },
    ]);
    const path = file('my_spotify_data.zip', zip);

    const summary = await importer().run({ paths: [path] });

    expect(summary.files.map((f) => f.file)).toEqual([
      `${path} › Spotify Account Data/StreamingHistory_music_0.json`,
      `${path} › Spotify Account Data/StreamingHistory_podcast_0.json`,
      `${path} › Spotify Extended Streaming History/Streaming_History_Audio_2025_1.json`,
      `${path} › Spotify Extended Streaming History/Streaming_History_Audio_2025_2.json`,
    ]);
    expect(summary).toMatchObject({
      rows: 11,
      new: 4,
      skipped: { short: 2, podcast: 2, audiobook: 1, no_track: 2 },
    });

    const again = await importer().run({ paths: [path] });
    expect(again).toMatchObject({ new: 0, alreadyPresent: 4 });
    expect(await kit.count('plays')).toBe(4);
  });

  it('finds the history files of an unzipped export folder', async () => {
    file(
      'export/Spotify Extended Streaming History/Streaming_History_Audio_2025_0.json',
      exportText(MIXED_ROWS),
    );
    file('export/Spotify Extended Streaming History/ReadMeFirst.pdf', 'pdf');
    const summary = await importer().run({ paths: [join(kit.folder, 'export')] });
    expect(summary).toMatchObject({ rows: 9, new: 3 });
  });

  it('refuses a corrupt file whole, naming it and the row, and imports the other files', async () => {
    const good = file('Streaming_History_Audio_2025_0.json', exportText(MIXED_ROWS.slice(0, 1)));
    const text = exportText(MIXED_ROWS);
    const bad = file('Streaming_History_Audio_2025_1.json', text.slice(0, text.indexOf('"Videotape"') + 5));
    const wrongShape = file(
      'Streaming_History_Audio_2025_2.json',
      exportText([...MIXED_ROWS.slice(8), { hello: 'world' }]),
    );

    const summary = await importer().run({ paths: [good, bad, wrongShape] });

    expect(summary.files.map((f) => f.status)).toEqual(['imported', 'corrupt', 'corrupt']);
    expect(summary.corrupt.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^.*Streaming_History_Audio_2025_1\.json cannot be read \(row 8, byte \d+\): the file ends inside row 8 \(is it truncated\?\)\. Nothing was imported from it/,
      ),
      expect.stringMatching(
        /Streaming_History_Audio_2025_2\.json cannot be read \(row 2, byte \d+\): the row has neither/,
      ),
    ]);
    expect(await kit.count('listening_events')).toBe(1);
    expect(await kit.count('plays')).toBe(1);
    const statuses = await kit.query('SELECT "status" FROM "import_runs" ORDER BY "id"');
    expect(statuses).toEqual([{ status: 'completed' }, { status: 'failed' }, { status: 'failed' }]);
  });

  it('refuses a zip entry whose checksum does not match, naming the zip and the entry', async () => {
    const path = file(
      'export.zip',
      buildZip([{ name: 'Streaming_History_Audio_2025.json', data: exportText(MIXED_ROWS) }], {
        badCrcFor: 'Streaming_History_Audio_2025.json',
      }),
    );
    const summary = await importer().run({ paths: [path] });
    expect(summary.corrupt[0]?.file).toBe(`${path} › Streaming_History_Audio_2025.json`);
    expect(await kit.count('listening_events')).toBe(0);
  });

  it('files the listens under the Last.fm user, or "me" when there is none', async () => {
    const path = file('Streaming_History_Audio_2025.json', exportText(MIXED_ROWS.slice(0, 1)));
    expect((await importer(null).run({ paths: [path] })).user).toBe('me');
    expect((await importer('ana').run({ paths: [path], user: 'bo' })).user).toBe('bo');
  });

  it('says which path does not exist', async () => {
    await expect(importer().run({ paths: [join(kit.folder, 'nope.zip')] })).rejects.toMatchObject({
      code: 'HISTORY.NO_SUCH_FILE',
      category: 'input',
    });
  });
});
