// What `history import spotify` refuses, and that a refusal leaves nothing behind: rows no listen
// can have, zips and folders without history, zip bombs, files that are not a JSON list.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  anAccountRow,
  anExtendedRow,
  exportText,
  spotifyTrackUri,
} from '../../fixtures/history/spotify-export-rows.js';
import { buildZip, writeZipBomb } from '../../fixtures/history/zip-writer.js';
import { openHistoryKit, type HistoryKit } from './history-test-kit.js';
import { exportFile, spotifyImporter } from './spotify-import-kit.js';

const EXPECTED =
  "expected StreamingHistory*.json (account data) or Streaming_History_Audio_*.json, Streaming_History_Video_*.json, endsong_*.json (extended history). Nothing was imported; pass the Spotify export's zip, the folder it unzipped to, or its history files.";

/** `count` listens a minute apart, each played 3 minutes. */
function listens(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) =>
    anExtendedRow({
      ts: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
      msPlayed: 180_000,
      uri: spotifyTrackUri(n % 40),
    }),
  );
}

describe('ImportSpotifyHistory refusals', () => {
  let kit: HistoryKit;
  beforeEach(async () => {
    kit = await openHistoryKit();
  });
  afterEach(() => kit.dispose());
  const file = (name: string, content: string | Buffer) => exportFile(kit, name, content);
  const runStatuses = async () =>
    ((await kit.query('SELECT "status" FROM "import_runs" ORDER BY "id"')) as { status: string }[]).map(
      (r) => r.status,
    );

  it.each([
    ['ms_played 1e300', { ms_played: 1e300 }, '"ms_played" is 1e+300 ms, more than a day'],
    ['a negative ms_played', { ms_played: -30_000 }, '"ms_played" is not a number of milliseconds: -30000'],
    ['ms_played "NaN"', { ms_played: 'NaN' }, '"ms_played" is not a number of milliseconds: "NaN"'],
    ['a ts in year 1', { ts: '0001-01-01T00:00:00Z' }, '"ts" is 0001-01-01T00:00:00.000Z, outside the years'],
    ['a ts past year 275760', { ts: '+275760-09-13T00:00:01Z' }, '"ts" is not a date-time'],
    ['a ts that is a bare number', { ts: '1' }, '"ts" is not a date-time: "1"'],
  ])(
    'refuses a file with %s, naming it and the row, and imports nothing of it',
    async (_, change, reason) => {
      const [good, bad] = listens(2);
      const path = file('Streaming_History_Audio_2025.json', exportText([good!, { ...bad!, ...change }]));

      const summary = await spotifyImporter(kit).run({ paths: [path] });

      expect(summary.corrupt.map((e) => e.message)).toEqual([
        expect.stringMatching(
          new RegExp(`^${escape(path)} cannot be read \\(row 2, byte \\d+\\): ${escape(reason)}`),
        ),
      ]);
      expect(await kit.count('listening_events')).toBe(0);
      expect(await runStatuses()).toEqual(['failed']);
    },
  );

  it('refuses an account-data row played for longer than a day', async () => {
    const path = file(
      'StreamingHistory_music_0.json',
      exportText([anAccountRow('2025-01-01 10:00', 'Band', 'Song', 1e300)]),
    );
    const summary = await spotifyImporter(kit).run({ paths: [path] });
    expect(summary.corrupt[0]?.message).toContain('(row 1, byte 4): "msPlayed" is 1e+300 ms');
  });

  it('refuses a zip without history, naming what it held and what it expected, and writes nothing', async () => {
    const path = file(
      'my.zip',
      buildZip([
        { name: 'a.json', data: '[]' },
        { name: 'b.txt', data: 'hello' },
        { name: 'Spotify Account Data/', data: '' },
        { name: 'Spotify Account Data/Userdata.json', data: '{}' },
      ]),
    );
    await expect(spotifyImporter(kit).run({ paths: [path] })).rejects.toMatchObject({
      code: 'HISTORY.NO_HISTORY_FILES',
      category: 'input',
      message: `${path}: looked at 3 file(s) (a.json, b.txt, Spotify Account Data/Userdata.json), none of them streaming history; ${EXPECTED}`,
    });
    expect(await runStatuses()).toEqual([]);
  });

  it('refuses an empty zip and a folder without history, before importing any of the paths given', async () => {
    const good = file('Streaming_History_Audio_2025.json', exportText(listens(1)));
    const empty = file('empty.zip', buildZip([]));
    await expect(spotifyImporter(kit).run({ paths: [good, empty] })).rejects.toThrow(
      `${empty}: the zip is empty; ${EXPECTED}`,
    );
    const folder = join(kit.folder, 'export');
    mkdirSync(folder);
    file('export/ReadMeFirst.pdf', 'pdf');
    file('export/other.zip', buildZip([{ name: 'Playlist1.json', data: '{}' }]));
    await expect(spotifyImporter(kit).run({ paths: [folder] })).rejects.toThrow(
      `${folder}: looked at 2 file(s) (other.zip › Playlist1.json, ReadMeFirst.pdf), none of them streaming history`,
    );
    expect(await runStatuses()).toEqual([]);
    expect(await kit.count('listening_events')).toBe(0);
  });

  it('refuses a zip entry that inflates more than a genuine export could, naming the zip, entry and limit', async () => {
    const path = join(kit.folder, 'bomb.zip');
    await writeZipBomb(path, {
      name: 'Streaming_History_Audio_2025.json',
      head: '[{"ts":"',
      fill: 0x61,
      fillBytes: 8 << 20,
    });
    const summary = await spotifyImporter(kit).run({ paths: [path] });
    expect(summary.corrupt.map((e) => e.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${escape(path)} › Streaming_History_Audio_2025\\.json cannot be read \\(byte 0\\): .* more than the 100 times Narada allows`,
        ),
      ),
    ]);
    expect(await kit.count('listening_events')).toBe(0);
  });

  it('refuses a file that is not JSON, naming the byte without a row', async () => {
    const path = file('Streaming_History_Audio_2025.json', 'ID3\u0004 not a list');
    const summary = await spotifyImporter(kit).run({ paths: [path] });
    expect(summary.corrupt[0]?.message).toBe(
      `${path} cannot be read (byte 0): expected "[" to open the list of rows. Nothing was imported from it; download the export again or remove that file, then run the import again.`,
    );
  });

  it('rolls a file cut short back whole, batches already stored included; run again whole, it imports', async () => {
    const rows = listens(2500);
    const first = file(
      'Streaming_History_Audio_2024.json',
      exportText([{ ...listens(1)[0]!, ts: '2024-06-01T00:00:00Z' }]),
    );
    const text = exportText(rows);
    const cut = file(
      'Streaming_History_Audio_2025.json',
      text.slice(0, text.indexOf(rows[2300]!.ts as string)),
    );

    const summary = await spotifyImporter(kit).run({ paths: [first, cut] });

    expect(summary.corrupt[0]?.message).toMatch(/\(row 2301, byte \d+\): the file ends inside row 2301/);
    expect(summary.files.map((f) => [f.status, f.new])).toEqual([
      ['imported', 1],
      ['corrupt', 0],
    ]);
    expect(await kit.count('listening_events')).toBe(1);

    file('Streaming_History_Audio_2025.json', text);
    const again = await spotifyImporter(kit).run({ paths: [first, cut] });

    expect(again).toMatchObject({ new: 2500, alreadyPresent: 1, corrupt: [] });
    expect(await kit.count('listening_events')).toBe(2501);
    expect(await runStatuses()).toEqual(['completed', 'failed', 'completed', 'completed']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
