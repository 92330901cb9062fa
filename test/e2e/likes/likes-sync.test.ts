// `narada likes sync` as a user runs it: the built CLI against the fake Spotify, Last.fm and
// MusicBrainz, asserting on the fakes' final state and on the write calls in their request logs.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { aCatalogTrack } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { aFakeTrack } from '../../fakes/spotify/fake-spotify-builders.js';
import { isoSeconds } from '../../fakes/spotify/fake-spotify-context.js';
import { lovesOn, seedLikesLibrary } from '../../fakes/seed/likes-library.js';
import { expectSuccess, runNarada } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const USER = 'listener';
const fakes = useFakeServices({
  spotify: {},
  lastfm: { user: USER, signed: true, session: true },
  musicbrainz: {},
});

interface SyncJson {
  read: number;
  alreadyPresent: number;
  written: number;
  unmatched: number;
  failed: number;
  review: number;
  dryRun: boolean;
  details: { unmatched: Array<{ like: string; reason: string }> };
}

let savedAt = Date.UTC(2025, 5, 1);
function save(...trackIds: string[]): void {
  fakes.spotify.addSavedTracks(
    trackIds.map((trackId) => ({ trackId, addedAt: isoSeconds((savedAt += 60_000)) })),
  );
}

beforeAll(() => {
  const { lovedAlready, remastered, misspelt, unknown, plain } = seedLikesLibrary(
    fakes.spotify,
    fakes.lastfm,
    USER,
  );
  // Known to Last.fm for the later sync of a like saved after the first one.
  fakes.lastfm.addTrack(aCatalogTrack({ artist: 'Radiohead', track: 'Nude' }));
  save(lovedAlready.id, remastered.id, misspelt.id, unknown.id, plain.id);
});

const sync = (...args: string[]) => runNarada(['likes', 'sync', ...args, '--json'], { env: fakes.env });

const loveCalls = () =>
  fakes.lastfm
    .calls('track.love')
    .filter((c) => c.status === 200)
    .map((c) => `${c.params.artist} – ${c.params.track}`);
const loves = () => lovesOn(fakes.lastfm, USER);
const lastfmWrites = () => fakes.lastfm.calls().filter((c) => c.httpMethod === 'POST').length;

describe('narada likes sync --from spotify --to lastfm', () => {
  it('prints the plan and writes nothing with --dry-run', async () => {
    const result = await sync('--from', 'spotify', '--to', 'lastfm', '--dry-run');
    expectSuccess(result);
    expect(result.json<SyncJson>()).toMatchObject({
      dryRun: true,
      read: 5,
      alreadyPresent: 2,
      written: 2,
      unmatched: 1,
    });
    expect(lastfmWrites()).toBe(0);
  });

  it("loves under Last.fm's own names, riding out a Spotify 429 and a Last.fm error 29 mid-run", async () => {
    fakes.spotify.rateLimitNext(1, 1);
    fakes.lastfm.errorNext(1, 29);
    const result = await sync('--from', 'spotify', '--to', 'lastfm');

    expectSuccess(result);
    expect(result.json<SyncJson>()).toMatchObject({
      read: 5,
      alreadyPresent: 2,
      written: 2,
      unmatched: 1,
      failed: 0,
    });
    expect(result.json<SyncJson>().details.unmatched[0]!.like).toBe('Nobody Knows – Basement Demo');
    expect(loveCalls()).toEqual(['Radiohead – Reckoner', 'Sigur Rós – Hoppípolla']);
    expect(loves()).toEqual([
      'Radiohead – Karma Police',
      'Radiohead – Reckoner',
      'Sigur Rós – Hoppípolla',
      'The Beatles – Hey Jude',
    ]);
    expect(fakes.spotify.callsTo('GET /me/tracks').map((c) => c.status)).toContain(429);
    expect(fakes.lastfm.calls().map((c) => c.status)).toContain(429);
  });

  it('makes no write call when run again right away', async () => {
    const writes = lastfmWrites();
    const result = await sync('--from', 'spotify', '--to', 'lastfm');
    expectSuccess(result);
    expect(result.json<SyncJson>()).toMatchObject({ written: 0, failed: 0 });
    expect(lastfmWrites()).toBe(writes);
  });

  it('writes only the likes saved since the last sync', async () => {
    const [nude] = fakes.spotify.addTracks(aFakeTrack({ name: 'Nude', artist: 'Radiohead' }));
    save(nude!.id);
    const before = loveCalls().length;
    const result = await sync('--from', 'spotify', '--to', 'lastfm');
    expect(result.json<SyncJson>()).toMatchObject({ read: 2, written: 1 });
    expect(loveCalls().slice(before)).toEqual(['Radiohead – Nude']);
  });
});

describe('narada likes sync --from lastfm --to spotify', () => {
  it('saves the loves Spotify lacks in batches of at most 40, and nothing on a second run', async () => {
    const extra = fakes.spotify.addTracks(
      ...Array.from({ length: 42 }, (_, i) => aFakeTrack({ name: `Tune ${i}`, artist: `Band ${i}` })),
    );
    for (const [i, track] of extra.entries())
      fakes.lastfm.addLove(USER, {
        artist: track.artists[0]!.name,
        track: track.name,
        date: 1_700_000_000 + i,
      });
    const savedBefore = new Set(fakes.spotify.savedTrackIds());

    const first = await sync('--from', 'lastfm', '--to', 'spotify');

    expectSuccess(first);
    // 42 new loves; the five loves made by the first sync are Spotify saved tracks already.
    expect(first.json<SyncJson>()).toMatchObject({ written: 42, failed: 0 });
    expect(first.json<SyncJson>().alreadyPresent).toBeGreaterThanOrEqual(5);
    const batches = fakes.spotify
      .callsTo('PUT /me/library')
      .map((c) => new URLSearchParams(c.query).get('uris')!.split(',').length);
    expect(batches).toEqual([40, 2]);
    expect(
      fakes.spotify
        .savedTrackIds()
        .filter((id) => !savedBefore.has(id))
        .sort(),
    ).toEqual(extra.map((t) => t.id).sort());

    const second = await sync('--from', 'lastfm', '--to', 'spotify');
    expect(second.json<SyncJson>()).toMatchObject({ written: 0 });
    expect(fakes.spotify.callsTo('PUT /me/library')).toHaveLength(2);
  });

  it('refuses --from and --to naming the same service (exit 2)', async () => {
    const result = await runNarada(['likes', 'sync', '--from', 'spotify', '--to', 'spotify'], {
      env: fakes.env,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/both spotify/);
  });
});
