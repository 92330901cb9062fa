// The JSON-list history files of `narada history import file`: ListenBrainz's export before the zip
// (one array of listens) and dumps of Last.fm's user.getRecentTracks pages, recognised by content
// and read as a stream, on the real-shaped fixtures in test/fixtures/exports and test/fixtures/lastfm.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileListen, RecognisedHistoryFile } from '../../../src/application/ports/history-file.port.js';
import { FileSystemHistoryFileSource } from '../../../src/infrastructure/importers/history-file-reader.js';

const EXPORTS = join(process.cwd(), 'test/fixtures/exports');
const LB_LIST = join(EXPORTS, 'listenbrainz-export-json/shoko1_lb-2025-06-13.json');
const PAGES = join(EXPORTS, 'lastfm-recenttracks-pages-export.json');
const ANSWER = join(process.cwd(), 'test/fixtures/lastfm/user.getRecentTracks-nowplaying-extended.json');

const folder = mkdtempSync(join(tmpdir(), 'narada-json-lists-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

async function recognised(path: string): Promise<RecognisedHistoryFile> {
  const file = await new FileSystemHistoryFileSource().recognise(path);
  if (file.format === null) throw new Error(`not recognised: ${file.reason}`);
  return file;
}

async function listensOf(file: RecognisedHistoryFile, batchSize = 3): Promise<FileListen[]> {
  const all: FileListen[] = [];
  for await (const batch of file.parts[0]!.batches(batchSize)) all.push(...batch.listens);
  return all;
}

type Page = { track: Array<Record<string, unknown>>; '@attr': Record<string, string> };

describe('ListenBrainz listens as one JSON list (the export before the zip)', () => {
  it('is recognised by its first listen, which names the user, and read listen by listen', async () => {
    const file = await recognised(LB_LIST);
    expect(file).toMatchObject({
      format: 'listenbrainz_json',
      description: 'ListenBrainz listens (JSON list of shoko1)',
      listener: 'shoko1',
    });
    const listens = await listensOf(file);
    const elements = JSON.parse(readFileSync(LB_LIST, 'utf8')) as Array<{ listened_at: number }>;
    expect(listens).toHaveLength(5);
    expect(listens[0]).toMatchObject({
      source: 'listenbrainz',
      artist: 'Magnify Tokyo & Lauren Horii',
      title: 'Kokoro',
      album: 'Magnify Tokyo',
      playedAt: elements[0]!.listened_at * 1000,
    });
    // The payload is the element's own text.
    expect(listens.map((l) => JSON.parse(l.payload) as unknown)).toEqual(elements);
  });

  it('refuses a list with an element that is no listen, naming it, and one cut short', async () => {
    const [first, second] = JSON.parse(readFileSync(LB_LIST, 'utf8')) as Array<Record<string, unknown>>;
    const broken = write(
      'broken_lb.json',
      JSON.stringify([first, { ...second, track_metadata: { track_name: 'x' } }]),
    );
    await expect(listensOf(await recognised(broken))).rejects.toMatchObject({
      code: 'HISTORY.CORRUPT_EXPORT',
      message: expect.stringContaining('(listen 2, byte'),
    });
    const cut = write('cut_lb.json', JSON.stringify([first, second]).slice(0, -40));
    await expect(listensOf(await recognised(cut))).rejects.toMatchObject({
      message: expect.stringContaining('the file ends inside row 2'),
    });
  });
});

describe('Last.fm user.getRecentTracks pages dumped as JSON', () => {
  it('reads an array of pages as scrobbles keeping each entry as Last.fm sent it', async () => {
    const file = await recognised(PAGES);
    expect(file).toMatchObject({ format: 'lastfm_json', listener: null });
    const listens = await listensOf(file);
    const [page] = JSON.parse(readFileSync(PAGES, 'utf8')) as Page[];
    expect(listens).toHaveLength(page!.track.length);
    expect(listens[0]).toEqual({
      source: 'lastfm',
      artist: 'CHUU',
      title: "because I'm stupid?",
      album: null,
      mbid: null,
      playedAt: 1_749_776_100_000,
      payload: expect.any(String),
    });
    expect(listens.map((l) => JSON.parse(l.payload) as unknown)).toEqual(page!.track);
    expect(readFileSync(PAGES, 'utf8')).toContain(listens[3]!.payload);
  });

  it('reads whole answers ({"recenttracks": …}) and leaves out the track playing now', async () => {
    const answer = readFileSync(ANSWER, 'utf8');
    const path = write('answers.json', `[${answer},${answer.replace(/"uts":\s*"(\d+)"/g, '"uts":"1"')}]`);
    const tracks = (JSON.parse(answer) as { recenttracks: Page }).recenttracks.track;
    const dated = tracks.filter(
      (t) => (t['@attr'] as { nowplaying?: string } | undefined)?.nowplaying !== 'true',
    );

    const listens = await listensOf(await recognised(path), 1);

    expect(dated.length).toBe(tracks.length - 1);
    expect(listens).toHaveLength(2 * dated.length);
    expect(listens.slice(dated.length).every((l) => l.playedAt === 1000)).toBe(true);
  });

  it('recognises a page longer than the bytes looked at first, by how it starts', async () => {
    const [page] = JSON.parse(readFileSync(PAGES, 'utf8')) as Page[];
    const track = page!.track.flatMap((t, i) =>
      Array.from({ length: 20 }, (_, j) => ({
        ...t,
        date: { uts: String(1_700_000_000 + i * 100 + j), '#text': '' },
      })),
    );
    const path = write('big-page.json', JSON.stringify([{ ...page, track }]));
    expect(readFileSync(path).length).toBeGreaterThan(64 * 1024);

    const listens = await listensOf(await recognised(path), 50);

    expect(listens).toHaveLength(200);
  });

  it('refuses a page without a track list, naming the page', async () => {
    const [page] = JSON.parse(readFileSync(PAGES, 'utf8')) as Page[];
    const path = write('odd-pages.json', JSON.stringify([page, { '@attr': page!['@attr'], tracks: [] }]));
    await expect(listensOf(await recognised(path))).rejects.toMatchObject({
      message: expect.stringContaining('(page 2, byte'),
    });
  });

  it('leaves other JSON lists unrecognised', async () => {
    const path = write('other.json', JSON.stringify([{ name: 'a playlist', tracks: [] }]));
    const file = await new FileSystemHistoryFileSource().recognise(path);
    expect(file).toMatchObject({ format: null, reason: expect.stringContaining('ListenBrainz listens') });
  });
});
