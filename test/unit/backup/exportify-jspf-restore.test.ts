// `playlist restore` reading an Exportify CSV and a JSPF playlist: recognised by content, read back to
// the URIs an export wrote (round trips), and refused with the file and the line or field when damaged.
import { describe, expect, it } from '@jest/globals';
import { exportifyCsv } from '../../../src/application/playlist/export/exportify-csv.js';
import { jspf } from '../../../src/application/playlist/export/jspf.js';
import type { PlaylistBackup } from '../../../src/domain/backup/playlist-backup.js';
import {
  exportifyCsvPlaylist,
  isExportifyCsv,
} from '../../../src/infrastructure/backup/exportify-csv-playlist.js';
import { isJspf, jspfPlaylist } from '../../../src/infrastructure/backup/jspf-playlist.js';
import { aBackup } from './backup-samples.js';

const MBID = '5b11f4ce-a62d-471e-81fc-a69a8278c7da';

function richBackup(): PlaylistBackup {
  const base = aBackup();
  const track = base.items[0]!;
  return {
    ...base,
    items: [
      { ...track, name: 'Say "Hi", now', artists: ['Crosby, Stills & Nash', 'Zoë'], mbid: MBID },
      { ...track, position: 1, kind: 'local', uri: 'spotify:local:Me:Rips:Demo:120', isrc: null },
      {
        ...track,
        position: 2,
        kind: 'episode',
        uri: 'spotify:episode:512ojhOuo1ktJprKbVcKyQ',
        isrc: null,
      },
      { ...base.items[1]!, position: 3 },
    ],
  };
}

describe('restore from an Exportify CSV', () => {
  it('reads back the URIs, names and artists an export wrote, in order', () => {
    const backup = richBackup();
    const text = exportifyCsv(backup);
    expect(isExportifyCsv(text)).toBe(true);
    const source = exportifyCsvPlaylist(text, '/tmp/Road Trip.csv');
    expect(source).toMatchObject({ origin: 'exportify-csv', name: 'Road Trip', file: '/tmp/Road Trip.csv' });
    expect(source.items.map((i) => i.uri)).toEqual(backup.items.map((i) => i.uri));
    expect(source.items.map((i) => i.kind)).toEqual(['track', 'local', 'episode', 'unavailable']);
    expect(source.items[0]).toMatchObject({
      name: 'Say "Hi", now',
      artists: ['Crosby, Stills & Nash', 'Zoë'],
      durationMs: 210_000,
      isrc: backup.items[0]!.isrc,
    });
  });

  it("takes the playlist's name from newer Exportify's Name column", () => {
    const text = '"Name","Track URI","Track Name"\n"Liked","spotify:track:1GrLfs4TEvAZ86HVzXHchS","Crying"\n';
    expect(isExportifyCsv(text)).toBe(true);
    expect(exportifyCsvPlaylist(text, 'liked.csv')).toMatchObject({
      name: 'Liked',
      items: [{ uri: 'spotify:track:1GrLfs4TEvAZ86HVzXHchS', name: 'Crying' }],
    });
  });

  it('refuses a row with a foreign URI, naming the file and line', () => {
    const text =
      '"Track URI","Track Name"\n"spotify:track:1GrLfs4TEvAZ86HVzXHchS","A"\n"https://x.y/z","B"\n';
    expect(() => exportifyCsvPlaylist(text, 'bad.csv')).toThrow(
      /^bad\.csv line 3: "Track URI" is "https:\/\/x\.y\/z"/,
    );
  });

  it('refuses a damaged CSV (an open quote), naming the line', () => {
    const text = '"Track URI","Track Name"\n"spotify:track:1GrLfs4TEvAZ86HVzXHchS","A\n';
    expect(() => exportifyCsvPlaylist(text, 'cut.csv')).toThrow(
      expect.objectContaining({
        code: 'BACKUP.BAD_CSV',
        message: expect.stringMatching(/^cut\.csv line 2: /),
      }),
    );
  });

  it('does not take another CSV for an Exportify one', () => {
    expect(isExportifyCsv('title,artist\nOne,Ann\n')).toBe(false);
  });
});

describe('restore from a JSPF playlist', () => {
  it('reads back the URIs and MusicBrainz ids an export wrote', () => {
    const backup = richBackup();
    const value = JSON.parse(jspf(backup)) as unknown;
    expect(isJspf(value)).toBe(true);
    const source = jspfPlaylist(value, 'mix.jspf', 'mix');
    expect(source).toMatchObject({ origin: 'jspf', name: 'Mix' });
    expect(source.items.map((i) => i.uri)).toEqual(backup.items.map((i) => i.uri));
    expect(source.items.map((i) => i.kind)).toEqual(['track', 'local', 'episode', 'unavailable']);
    expect(source.items[0]).toMatchObject({ name: 'Say "Hi", now', mbid: MBID, durationMs: 210_000 });
  });

  it("reads ListenBrainz's playlists: a single identifier string, MusicBrainz only", () => {
    const value = {
      playlist: {
        title: 'Weekly Jams',
        track: [
          {
            title: 'Crying',
            creator: 'Six by Seven',
            identifier: `https://musicbrainz.org/recording/${MBID}`,
          },
        ],
      },
    };
    expect(jspfPlaylist(value, 'lb.jspf', 'lb').items).toEqual([
      expect.objectContaining({
        kind: 'track',
        uri: null,
        mbid: MBID,
        name: 'Crying',
        artists: ['Six by Seven'],
      }),
    ]);
  });

  it('refuses a damaged field, naming it', () => {
    const value = { playlist: { title: 'X', track: [{ title: 'A' }, { title: 'B', duration: 'long' }] } };
    expect(() => jspfPlaylist(value, 'bad.jspf', 'bad')).toThrow(
      /bad\.jspf .*playlist\.track\[1\]\.duration/,
    );
  });
});
