// `narada likes` when Spotify's saved tracks come back as HTTP 200 with a page cut short, every time:
// the built CLI against the fakes. A partial saved-tracks list must not pass for the whole one, or
// `sync --mirror` would unlove on Last.fm, and `import` forget locally, every like on the lost page.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { aCatalogTrack } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { aFakeTrack } from '../../fakes/spotify/fake-spotify-builders.js';
import { isoSeconds } from '../../fakes/spotify/fake-spotify-context.js';
import { lovesOn } from '../../fakes/seed/likes-library.js';
import { runNarada, type CliResult, expectSuccess, openHomeDatabase } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const USER = 'listener';
/** Two pages of saved tracks (50 a page): the second one is the page that gets spoiled. */
const SAVED = 53;
const fakes = useFakeServices({
  spotify: {},
  lastfm: { user: USER, signed: true, session: true },
  musicbrainz: {},
});

beforeAll(() => {
  const tracks = fakes.spotify.addTracks(
    ...Array.from({ length: SAVED }, (_, i) => aFakeTrack({ name: `Song ${i}`, artist: `Band ${i}` })),
  );
  // Loved on Last.fm already, so the first sync records every like as synced without a write each.
  for (const [i, track] of tracks.entries()) {
    fakes.lastfm.addTrack(aCatalogTrack({ artist: track.artists[0]!.name, track: track.name }));
    fakes.lastfm.addLove(USER, {
      artist: track.artists[0]!.name,
      track: track.name,
      date: 1_700_000_000 + i,
    });
  }
  fakes.spotify.addSavedTracks(
    tracks.map((t, i) => ({ trackId: t.id, addedAt: isoSeconds(Date.UTC(2025, 5, 1) + i * 60_000) })),
  );
});

function expectUnreadableSavedTracks(result: CliResult): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'The Spotify list GET /me/tracks: the page at offset 50 came back unreadable 3 times (JSON cut short',
  );
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const loves = () => lovesOn(fakes.lastfm, USER);
const lastfmWrites = () => fakes.lastfm.calls().filter((c) => c.httpMethod === 'POST').length;
const spotifyWrites = () => fakes.spotify.callsTo(/^(PUT|DELETE) \/me\/library$/).length;

/** The stored likes (every column) and the number of tracks, straight from the database file. */
async function stored(): Promise<{ likes: unknown[]; tracks: number }> {
  const db = await openHomeDatabase(fakes.home);
  try {
    const likes = await db.sql.all('SELECT * FROM "likes" ORDER BY "service", "external_id"');
    const { n } = (await db.sql.one<{ n: number }>('SELECT COUNT(*) AS "n" FROM "tracks"'))!;
    return { likes, tracks: n };
  } finally {
    await db.close();
  }
}

describe('narada likes with a saved-tracks page that stays cut short', () => {
  let lovedBefore: string[];
  let storedBefore: { likes: unknown[]; tracks: number };

  beforeAll(async () => {
    expectSuccess(await runNarada(['likes', 'import', 'spotify', '--json'], { env: fakes.env }));
    const synced = await runNarada(['likes', 'sync', '--from', 'spotify', '--to', 'lastfm', '--json'], {
      env: fakes.env,
    });
    expectSuccess(synced);
    expect(synced.json()).toMatchObject({ read: SAVED, alreadyPresent: SAVED, written: 0 });
    lovedBefore = loves();
    storedBefore = await stored();
    expect(lovedBefore).toHaveLength(SAVED);
    // The import stored the saved tracks; the sync stored the loves it made.
    expect(
      storedBefore.likes.filter((like) => (like as { service: string }).service === 'spotify'),
    ).toHaveLength(SAVED);
    fakes.spotify.spoilSavedTracksPage(50, { times: 'always' });
  });

  it('sync --from spotify --to lastfm --mirror fails with exit 1 and unloves nothing', async () => {
    const writes = { lastfm: lastfmWrites(), spotify: spotifyWrites() };

    const result = await runNarada(['likes', 'sync', '--from', 'spotify', '--to', 'lastfm', '--mirror'], {
      env: fakes.env,
    });

    expectUnreadableSavedTracks(result);
    expect(loves()).toEqual(lovedBefore);
    expect({ lastfm: lastfmWrites(), spotify: spotifyWrites() }).toEqual(writes);
  });

  it('sync --from lastfm --to spotify fails with exit 1 and saves nothing again', async () => {
    const writes = { lastfm: lastfmWrites(), spotify: spotifyWrites() };

    const result = await runNarada(['likes', 'sync', '--from', 'lastfm', '--to', 'spotify'], {
      env: fakes.env,
    });

    expectUnreadableSavedTracks(result);
    expect({ lastfm: lastfmWrites(), spotify: spotifyWrites() }).toEqual(writes);
  });

  it('import spotify fails with exit 1 and forgets no stored like', async () => {
    const result = await runNarada(['likes', 'import', 'spotify'], { env: fakes.env });

    expectUnreadableSavedTracks(result);
    expect(await stored()).toEqual(storedBefore);
  });
});
