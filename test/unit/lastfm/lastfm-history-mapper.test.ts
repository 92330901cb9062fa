import { describe, expect, it } from '@jest/globals';
import { mapRecentTracksPage } from '../../../src/infrastructure/connectors/lastfm/lastfm-history-mapper.js';
import { lastfmFixture, lastfmFixtureText } from './lastfm-fixtures.js';

type RecentTracksBody = { recenttracks: { track: unknown[] } };

describe('mapRecentTracksPage', () => {
  it('maps a 2025 page: numbers from strings, #text artist and album, MBIDs, play time from date.uts', () => {
    const page = mapRecentTracksPage(lastfmFixture('user.getRecentTracks-2025.json'));
    expect(page).toMatchObject({ page: 1, perPage: 2, totalPages: 128279, total: 256557 });
    expect(page.listens).toHaveLength(2);
    expect(page.listens[0]).toMatchObject({
      artist: 'Zebrahead',
      artistMbid: '4df5d35b-a9d4-4d4f-91f6-bae55693de31',
      title: 'Check',
      mbid: '07c4b115-bd04-3846-8915-eb11556358d0',
      album: 'Waste of Mind',
      albumMbid: '353d95fc-d4a9-45aa-9d7f-2f0a4b911412',
      playedAt: 1753790467000,
      loved: null,
      url: 'https://www.last.fm/music/Zebrahead/_/Check',
    });
  });

  it('turns empty MBIDs into null', () => {
    const [, second] = mapRecentTracksPage(lastfmFixture('user.getRecentTracks-2025.json')).listens;
    expect(second).toMatchObject({ artist: 'The Reverend Horton Heat', artistMbid: null, mbid: null });
  });

  it('skips the now-playing entry, which has no date, and keeps the scrobble after it', () => {
    const page = mapRecentTracksPage(lastfmFixture('user.getRecentTracks-nowplaying-extended.json'));
    expect(page.listens.map((l) => l.title)).toEqual(['Endors Toi']);
    expect(page.total).toBe(94613);
  });

  it('reads the extended artist object {name, mbid, url} and the loved flag', () => {
    const page = mapRecentTracksPage(lastfmFixture('user.getRecentTracks-extended.json'));
    expect(page.listens).toEqual([
      expect.objectContaining({
        artist: 'Republika',
        artistMbid: '116a9ec8-148e-4b3d-8fb9-3d995cc4159e',
        title: 'Tak Dlugo Czekam (Cialo) (live)',
        album: 'Koncerty w Trojce - Republika',
        loved: true,
        playedAt: 1530117136000,
      }),
    ]);
  });

  it('accepts a single track object instead of an array', () => {
    const page = mapRecentTracksPage(lastfmFixture('user.getRecentTracks-single-object.json'));
    expect(page.listens.map((l) => [l.artist, l.playedAt])).toEqual([['Rick James', 1419070612000]]);
    expect(page.totalPages).toBe(76536);
  });

  it('reads the old first page "0" as page 1', () => {
    const page = mapRecentTracksPage(lastfmFixture('user.getRecentTracks.json'));
    expect(page.page).toBe(1);
    expect(page.listens).toHaveLength(20);
    expect(page.total).toBe(76526);
  });

  it('maps the old empty shape {"#text", total: "0"} to no listens and no pages', () => {
    const page = mapRecentTracksPage(lastfmFixture('user.getRecentTracks-empty.json'));
    expect(page).toEqual({ page: 1, perPage: 20, totalPages: 0, total: 0, listens: [] });
  });

  it('keeps a one-item array page as one listen', () => {
    const page = mapRecentTracksPage(lastfmFixture('user.getRecentTracks-limit1.json'));
    expect(page.listens.map((l) => l.title)).toEqual(["I'm Destroying the World"]);
  });

  it('keeps the text of each entry exactly as received, after a now-playing entry on top', () => {
    const text = lastfmFixtureText('user.getRecentTracks-nowplaying-extended.json');
    const body = JSON.parse(text) as RecentTracksBody;
    const [listen] = mapRecentTracksPage(body, text).listens;
    // The capture is indented by 4 and the entry sits 3 levels deep.
    const asSent = JSON.stringify(body.recenttracks.track[1], null, 4).replaceAll(
      '\n',
      `\n${' '.repeat(12)}`,
    );
    expect(listen!.rawText).toBe(asSent);
    expect(text).toContain(asSent);
  });

  it('pairs each listen with the text of its own entry when unreadable entries are dropped', () => {
    const entries = [
      '{ "@attr": { "nowplaying": "true" }, "artist": { "name": "Now" }, "name": "Playing" }',
      '{ "artist": { "name": "A" }, "name": "One", "date": { "uts": "100" } }',
      '{ "artist": { "name": "" }, "name": "No artist", "date": { "uts": "90" } }',
      '{ "artist": { "name": "C\\u00e9" }, "name": "Two \\"}]", "date": { "uts": "80" } }',
    ];
    const text = `{ "recenttracks": { "@attr": { "page": "1" }, "track": [ ${entries.join(', ')} ] } }`;
    const page = mapRecentTracksPage(JSON.parse(text), text);
    expect(page.listens.map((l) => [l.title, l.rawText])).toEqual([
      ['One', entries[1]],
      ['Two "}]', entries[3]],
    ]);
  });

  it('re-serialises the entry when the text cannot be sliced (a bare object) or is not given', () => {
    const text = lastfmFixtureText('user.getRecentTracks-single-object.json');
    const body = JSON.parse(text) as { recenttracks: { track: unknown } };
    const single = mapRecentTracksPage(body, text).listens;
    expect(single.map((l) => l.rawText)).toEqual([JSON.stringify(body.recenttracks.track)]);
    const untold = lastfmFixture('user.getRecentTracks-limit1-docs.json') as RecentTracksBody;
    expect(mapRecentTracksPage(untold).listens[0]!.rawText).toBe(
      JSON.stringify(untold.recenttracks.track[0]),
    );
  });

  it('re-serialises every entry when the text holds a different number of entries', () => {
    const body = lastfmFixture('user.getRecentTracks-2025.json') as RecentTracksBody;
    const other = lastfmFixtureText('user.getRecentTracks-limit1.json');
    const listens = mapRecentTracksPage(body, other).listens;
    expect(listens.map((l) => l.rawText)).toEqual(body.recenttracks.track.map((t) => JSON.stringify(t)));
  });

  it('refuses a body without recenttracks', () => {
    expect(() => mapRecentTracksPage(lastfmFixture('error-6-user-not-found.json'))).toThrow(
      expect.objectContaining({ code: 'LASTFM.UNEXPECTED_RESPONSE' }),
    );
  });
});
