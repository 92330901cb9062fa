// `history import file` over a real database and real files: formats recognised by content, the same
// listen from a Last.fm CSV (minutes) and a ListenBrainz export or the Last.fm API (seconds) counted
// once with both raw rows kept, re-imports adding nothing, and bad files refused before any writing.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { lastfmListenToRecord, IdentityMemo } from '../../../src/application/history/upstream-listens.js';
import { ImportHistoryFile } from '../../../src/application/use-cases/history/import-history-file.js';
import { mapRecentTracksPage } from '../../../src/infrastructure/connectors/lastfm/lastfm-history-mapper.js';
import { FileSystemHistoryFileSource } from '../../../src/infrastructure/importers/history-file-reader.js';
import { buildZip } from '../../fixtures/history/zip-writer.js';
import { anExtendedRow, exportText, spotifyTrackUri } from '../../fixtures/history/spotify-export-rows.js';
import { openHistoryKit, type HistoryKit } from './history-test-kit.js';
import { exportFile, spotifyImporter } from './spotify-import-kit.js';

const LB = join(process.cwd(), 'test/fixtures/exports/listenbrainz-export-zip');
const JUNE = readFileSync(join(LB, 'listens/2025/6.jsonl'), 'utf8');

/** The June listens of the ListenBrainz fixture as lastfm-to-csv writes them: times cut to the minute. */
function juneAsLastfmToCsv(): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return JUNE.trim()
    .split('\n')
    .map((line) => {
      const { listened_at: at, track_metadata: m } = JSON.parse(line) as {
        listened_at: number;
        track_metadata: { artist_name: string; track_name: string; release_name: string };
      };
      const d = new Date(at * 1000);
      const hh = String(d.getUTCHours()).padStart(2, '0');
      const mm = String(d.getUTCMinutes()).padStart(2, '0');
      const date = `${String(d.getUTCDate()).padStart(2, '0')} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mm}`;
      return [m.artist_name, m.release_name, m.track_name, date].join(',');
    })
    .join('\n');
}

function lbZip(): Buffer {
  return buildZip([
    { name: 'user.json', data: readFileSync(join(LB, 'user.json')) },
    { name: 'listens/2025/6.jsonl', data: JUNE },
  ]);
}

describe('ImportHistoryFile', () => {
  let kit: HistoryKit;
  beforeEach(async () => {
    kit = await openHistoryKit();
  });
  afterEach(() => kit.dispose());

  const importer = () =>
    new ImportHistoryFile({
      source: new FileSystemHistoryFileSource(),
      spotify: spotifyImporter(kit),
      runs: kit.repos.importRuns,
      recorder: kit.recorder,
      ledger: kit.repos.ledgerPresence,
      unitOfWork: kit.repos.unitOfWork,
      clock: kit.clock,
      progress: SILENT_PROGRESS,
      defaultListener: async () => 'ana',
    });

  it('counts a listen once when a Last.fm CSV and a ListenBrainz export both hold it, keeping both raw rows', async () => {
    const csv = exportFile(kit, 'scrobbles.csv', juneAsLastfmToCsv());
    const zip = exportFile(kit, 'listenbrainz_shoko1.zip', lbZip());

    const summary = await importer().run({ paths: [csv, zip], user: 'ana' });

    expect(summary.files.map((f) => [f.format, f.recognised, f.user, f.rows, f.new])).toEqual([
      ['lastfm_csv', 'Last.fm CSV, lastfm-to-csv (artist,album,track,date)', 'ana', 5, 5],
      ['listenbrainz_export', 'ListenBrainz export of shoko1 (1 month file(s))', 'ana', 5, 5],
    ]);
    expect(summary.sameAsOtherSource).toBe(5);
    expect(await kit.count('listening_events')).toBe(10);
    expect(await kit.countedPlays()).toBe(5);
    expect(await kit.dailyTotal()).toBe(5);
    const payloads = (await kit.query(
      `SELECT "source", "payload" FROM "listening_events" ORDER BY "played_at", "source"`,
    )) as Array<{ source: string; payload: string }>;
    expect(payloads[0]).toEqual({
      source: 'lastfm_csv',
      payload: JSON.stringify({ csv_row: 'OurR,Desert,Desert,13 Jun 2025 02:10' }),
    });
    expect(payloads[1]).toEqual({ source: 'listenbrainz', payload: JUNE.split('\n')[0] });

    const again = await importer().run({ paths: [zip, csv], user: 'ana' });
    expect(again).toMatchObject({ rows: 10, new: 0, alreadyPresent: 10 });
    expect(await kit.count('listening_events')).toBe(10);
  });

  it("files a ListenBrainz export under its own user, and meets the Last.fm API's scrobbles of the same listens", async () => {
    const memo = new IdentityMemo();
    const scrobbles = JUNE.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { listened_at: number; track_metadata: Record<string, string> })
      .map(({ listened_at: at, track_metadata: m }) =>
        lastfmListenToRecord(
          {
            artist: m['artist_name']!,
            artistMbid: null,
            title: m['track_name']!,
            mbid: null,
            album: null,
            albumMbid: null,
            playedAt: at * 1000 + 20_000, // the scrobbler's clock is 20 s late
            loved: null,
            url: null,
            rawText: '{}',
          },
          'shoko1',
          null,
          memo,
        ),
      );
    await kit.recorder.record(scrobbles);

    const summary = await importer().run({ paths: [exportFile(kit, 'lb.zip', lbZip())] });

    expect(summary.files[0]).toMatchObject({ user: 'shoko1', new: 5, sameAsOtherSource: 5 });
    expect(await kit.countedPlays()).toBe(5);
  });

  it('reads plain ListenBrainz JSONL and headed CSVs under the default listener', async () => {
    const jsonl = exportFile(kit, 'listens.jsonl', JUNE);
    const headed = join(process.cwd(), 'test/fixtures/exports/lastfm-ghan-recenttracks.csv');

    const summary = await importer().run({ paths: [jsonl, headed] });

    expect(summary.files.map((f) => [f.format, f.user, f.new])).toEqual([
      ['listenbrainz_jsonl', 'ana', 5],
      ['lastfm_csv', 'ana', 2],
    ]);
  });

  it('imports Spotify exports through the Spotify import', async () => {
    const path = exportFile(
      kit,
      'history.json',
      exportText([
        anExtendedRow({
          ts: '2025-03-01T10:04:00Z',
          msPlayed: 240_000,
          track: 'Reckoner',
          artist: 'Radiohead',
          uri: spotifyTrackUri(1),
        }),
      ]),
    );
    const summary = await importer().run({ paths: [path] });
    expect(summary.files).toEqual([
      expect.objectContaining({ format: 'spotify_export', recognised: 'Spotify streaming history', new: 1 }),
    ]);
  });

  it('dry run: reads every file, counts rows the ledger holds, and writes nothing (no import run either)', async () => {
    const csv = exportFile(kit, 'scrobbles.csv', juneAsLastfmToCsv());
    const zip = exportFile(kit, 'listenbrainz_shoko1.zip', lbZip());
    const spotify = exportFile(
      kit,
      'history.json',
      exportText([anExtendedRow({ ts: '2025-03-01T10:04:00Z', msPlayed: 240_000, uri: spotifyTrackUri(1) })]),
    );
    await importer().run({ paths: [csv], user: 'ana' });
    const runCount = async () =>
      ((await kit.query('SELECT COUNT(*) AS n FROM "import_runs"'))[0] as { n: number }).n;
    const runsBefore = await runCount();

    const dry = await importer().run({ paths: [csv, zip, spotify], user: 'ana', dryRun: true });

    expect(dry.dryRun).toBe(true);
    expect(dry.files.map((f) => [f.format, f.status, f.rows, f.new, f.alreadyPresent])).toEqual([
      ['spotify_export', 'not_read', 0, 0, 0],
      ['lastfm_csv', 'would_import', 5, 0, 5],
      ['listenbrainz_export', 'would_import', 5, 5, 0],
    ]);
    expect(await runCount()).toBe(runsBefore);
    expect(await kit.count('listening_events')).toBe(5);
    expect(await kit.count('plays')).toBe(5);
  });

  it("imports ListenBrainz's older single JSON list as the same listens its zip export holds", async () => {
    const list = join(
      process.cwd(),
      'test/fixtures/exports/listenbrainz-export-json/shoko1_lb-2025-06-13.json',
    );

    const first = await importer().run({ paths: [list] });
    const zip = await importer().run({ paths: [exportFile(kit, 'lb.zip', lbZip())] });

    expect(first.files[0]).toMatchObject({ format: 'listenbrainz_json', user: 'shoko1', rows: 5, new: 5 });
    expect(zip.files[0]).toMatchObject({ user: 'shoko1', new: 0, alreadyPresent: 5 });
    expect(await kit.countedPlays()).toBe(5);
  });

  it('stores a dump of Last.fm pages as the very scrobbles `history import lastfm` stores', async () => {
    const path = join(process.cwd(), 'test/fixtures/exports/lastfm-recenttracks-pages-export.json');
    const text = readFileSync(path, 'utf8');

    const summary = await importer().run({ paths: [path], user: 'shoko2' });
    const pageText = `{"recenttracks":${text.trim().slice(1, -1)}}`;
    const page = mapRecentTracksPage(JSON.parse(pageText) as unknown, pageText);
    const memo = new IdentityMemo();
    const fromApi = await kit.recorder.record(
      page.listens.map((l) => lastfmListenToRecord(l, 'shoko2', null, memo)),
    );

    expect(summary.files[0]).toMatchObject({ format: 'lastfm_json', user: 'shoko2', rows: 10, new: 10 });
    expect(fromApi).toEqual({ inserted: 0, existing: 10, sameAsHeld: 0 });
    const sources = await kit.query(`SELECT DISTINCT "source" FROM "listening_events"`);
    expect(sources).toEqual([{ source: 'lastfm' }]);
  });

  it('refuses an unrecognised file before writing anything, naming it', async () => {
    const csv = exportFile(kit, 'scrobbles.csv', juneAsLastfmToCsv());
    const other = exportFile(kit, 'playlist.csv', 'name,added\nfoo,2025-01-01\n');

    await expect(importer().run({ paths: [csv, other] })).rejects.toMatchObject({
      code: 'HISTORY.UNRECOGNISED_FILE',
      message: expect.stringContaining(`${other} is not a listening history Narada can read`),
    });
    expect(await kit.count('listening_events')).toBe(0);
  });

  it('refuses a file with a malformed line whole, naming the file and the line, and imports the others', async () => {
    const good = exportFile(kit, 'good.jsonl', JUNE);
    const bad = exportFile(kit, 'bad.csv', `${juneAsLastfmToCsv()}\nBlur,Parklife,Girls,someday\n`);

    const summary = await importer().run({ paths: [good, bad] });

    expect(summary.corrupt).toHaveLength(1);
    expect(summary.corrupt[0]!.message).toContain(`${bad} cannot be read (line 6)`);
    expect(summary.files.map((f) => [f.path, f.status, f.new])).toEqual([
      [good, 'imported', 5],
      [bad, 'corrupt', 0],
    ]);
    expect(await kit.count('listening_events')).toBe(5);
    const runs = await kit.query(`SELECT "kind", "status" FROM "import_runs" ORDER BY "id"`);
    expect(runs).toEqual([
      { kind: 'history:file:listenbrainz_jsonl', status: 'completed' },
      { kind: 'history:file:lastfm_csv', status: 'failed' },
    ]);
  });

  it('names the line of a ListenBrainz export that is not a listen', async () => {
    const lines = JUNE.trim().split('\n');
    const broken = [
      lines[0],
      '{"listened_at": 1749780700, "track_metadata": {"track_name": "x"}}',
      lines[1],
    ].join('\n');
    const path = exportFile(kit, 'broken.jsonl', broken);

    const summary = await importer().run({ paths: [path] });

    expect(summary.corrupt[0]!.message).toContain(
      `${path} cannot be read (line 2): track_metadata.artist_name is missing`,
    );
    expect(await kit.count('listening_events')).toBe(0);
  });
});
