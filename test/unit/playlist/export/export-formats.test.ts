// Each export format written from a backup document: the exact text, and the escaping each format
// needs (quotes and commas in CSV, & < > in XSPF, line breaks in M3U8, non-ASCII kept as it is).
import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { exportifyCsv } from '../../../../src/application/playlist/export/exportify-csv.js';
import { jspf } from '../../../../src/application/playlist/export/jspf.js';
import { m3u8 } from '../../../../src/application/playlist/export/m3u8.js';
import { escapeXml, xspf } from '../../../../src/application/playlist/export/xspf.js';
import { EXPORTIFY_COLUMNS } from '../../../../src/domain/backup/exportify-columns.js';
import type { BackupItem, PlaylistBackup } from '../../../../src/domain/backup/playlist-backup.js';
import { aBackup } from '../../backup/backup-samples.js';

const MBID = '5b11f4ce-a62d-471e-81fc-a69a8278c7da';

/** A backup whose first track carries every character the formats must escape. */
function awkwardBackup(): PlaylistBackup {
  const base = aBackup();
  const first: BackupItem = {
    ...base.items[0]!,
    name: 'Say "Hi", <now> & then',
    artists: ['Crosby, Stills & Nash', 'Åsa Ödegård'],
    album: { name: 'Rock & Roll\nLive', releaseDate: '1970-03-11' },
    durationMs: 210_400,
    mbid: MBID,
  };
  return {
    ...base,
    playlist: { ...base.playlist, name: 'Mix <1> & "2"', description: 'Für Ånna' },
    items: [first, base.items[1]!],
  };
}

describe('Exportify CSV', () => {
  it("writes Exportify's header and quotes every field as Exportify does", () => {
    const text = exportifyCsv(aBackup());
    const [header, row] = text.split('\n');
    expect(header).toBe(EXPORTIFY_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(header).toMatch(
      /^"Track URI","Track Name","Artist URI\(s\)","Artist Name\(s\)","Album URI","Album Name",/,
    );
    expect(header).toMatch(/"ISRC","Added By","Added At"$/);
    expect(row).toMatch(/^"spotify:track:4iV5W9uYEdYUVa79Axb7Rh","One","","Ann","",/);
    expect(row).toMatch(/"spotify:user:ann","2024-01-01T00:00:00Z"$/);
  });

  it('escapes quotes and commas so a CSV reader gets the fields back, with artists split as Exportify does', () => {
    const rows = parse(exportifyCsv(awkwardBackup()), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]!['Track Name']).toBe('Say "Hi", <now> & then');
    expect(rows[0]!['Artist Name(s)']).toBe('Crosby\\, Stills & Nash, Åsa Ödegård');
    expect(rows[0]!['Album Name']).toBe('Rock & Roll\nLive');
    expect(rows[0]!['Track Duration (ms)']).toBe('210400');
    // An unavailable entry keeps its row, empty.
    expect(rows[1]!['Track URI']).toBe('');
  });
});

describe('M3U8', () => {
  it('gives each entry with a URI its #EXTINF line and its location, one line each', () => {
    expect(m3u8(awkwardBackup())).toBe(
      [
        '#EXTM3U',
        '#PLAYLIST:Mix <1> & "2"',
        '#EXTINF:210,Crosby, Stills & Nash, Åsa Ödegård - Say "Hi", <now> & then',
        'spotify:track:4iV5W9uYEdYUVa79Axb7Rh',
        '',
      ].join('\n'),
    );
  });

  it('writes -1 seconds for an unknown duration and folds line breaks in titles', () => {
    const base = aBackup();
    const backup = { ...base, items: [{ ...base.items[0]!, durationMs: null, name: 'Two\r\nLines' }] };
    expect(m3u8(backup).split('\n').slice(2, 4)).toEqual([
      '#EXTINF:-1,Ann - Two Lines',
      'spotify:track:4iV5W9uYEdYUVa79Axb7Rh',
    ]);
  });
});

describe('JSPF', () => {
  it('writes the playlist as ListenBrainz reads it: identifiers as URLs, duration in ms', () => {
    const document = JSON.parse(jspf(awkwardBackup())) as unknown;
    expect(document).toEqual({
      playlist: {
        title: 'Mix <1> & "2"',
        creator: 'Ann',
        annotation: 'Für Ånna',
        identifier: 'https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M',
        date: '2026-03-01T12:00:00.000Z',
        track: [
          {
            title: 'Say "Hi", <now> & then',
            creator: 'Crosby, Stills & Nash, Åsa Ödegård',
            album: 'Rock & Roll\nLive',
            duration: 210_400,
            identifier: [
              'https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh',
              `https://musicbrainz.org/recording/${MBID}`,
            ],
          },
          { identifier: [] },
        ],
      },
    });
  });
});

describe('XSPF', () => {
  it('escapes & < > and quotes in every text, keeping non-ASCII as UTF-8', () => {
    const text = xspf(awkwardBackup());
    expect(
      text.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<playlist version="1" xmlns="http://xspf.org/ns/0/">',
      ),
    ).toBe(true);
    expect(text).toContain('<title>Mix &lt;1&gt; &amp; &quot;2&quot;</title>');
    expect(text).toContain('<annotation>Für Ånna</annotation>');
    expect(text).toContain('<title>Say &quot;Hi&quot;, &lt;now&gt; &amp; then</title>');
    expect(text).toContain('<creator>Crosby, Stills &amp; Nash, Åsa Ödegård</creator>');
    expect(text).toContain(`<identifier>https://musicbrainz.org/recording/${MBID}</identifier>`);
    expect(text).toContain('<duration>210400</duration>');
    // Nothing unescaped is left between the tags.
    const texts = [...text.matchAll(/>([^<]*)</g)].map((m) => m[1]!);
    for (const t of texts) expect(t).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('drops characters XML 1.0 cannot hold', () => {
    expect(escapeXml('a\u0001b\u0008c\td\ue000')).toBe('ab' + 'c\td\ue000');
    expect(escapeXml('x\uD800y')).toBe('xy');
    expect(escapeXml('🎵')).toBe('🎵');
  });
});
