// The local pass (no network: `limit: 0` keeps MusicBrainz out), the review queue and pins.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { PinMapping } from '../../../src/application/use-cases/tracks/pin-mapping.js';
import { ReviewMatches } from '../../../src/application/use-cases/tracks/review-matches.js';
import { UnmergeTrack } from '../../../src/application/use-cases/tracks/unmerge-track.js';
import { connectorKey, type ConnectorTrack } from '../../../src/domain/track/connector-track.js';
import type { Track } from '../../../src/domain/track/track.js';
import { aConnectorTrack, aLike, mbidFor } from '../../builders/index.js';
import { openMusicBrainzWorld, type MusicBrainzWorld } from './identity-test-kit.js';

let world: MusicBrainzWorld;

beforeEach(async () => {
  world = await openMusicBrainzWorld();
});
afterEach(async () => {
  await world.dispose();
});

async function ingested(...records: ConnectorTrack[]): Promise<Track[]> {
  const result = await world.ingest.run(records);
  return records.map((r) => result.tracks.get(connectorKey(r.service, r.externalId))!);
}

const spotifyTeardrop = () =>
  aConnectorTrack({
    title: 'Teardrop',
    artists: ['Massive Attack'],
    album: 'Mezzanine',
    durationMs: 330_000,
  });
const lastfmTeardrop = (durationMs: number | null = null) =>
  aConnectorTrack({
    service: 'lastfm',
    title: 'teardrop',
    artists: ['massive attack'],
    album: null,
    durationMs,
  });

describe('matching against the local library', () => {
  it('merges a Last.fm duplicate into the Spotify track, its likes following, without asking MusicBrainz', async () => {
    const [spotify, lastfm] = await ingested(spotifyTeardrop(), lastfmTeardrop());
    await world.temp.repos.likes.upsertMany([aLike({ service: 'lastfm', trackId: lastfm!.id })]);

    const summary = await world.resolver().run({ limit: 0 });

    expect(summary.local).toEqual({ examined: 2, merged: 1, review: 0 });
    expect(await world.stores.tracks.findById(lastfm!.id)).toMatchObject({
      status: 'merged',
      mergedInto: spotify!.id,
    });
    expect((await world.temp.repos.likes.list('lastfm')).map((l) => l.trackId)).toEqual([spotify!.id]);
    expect(world.fake.requests).toHaveLength(0);
    expect(summary.remaining).toBe(1);
  });

  it('never merges again a pair the user split', async () => {
    const [, lastfm] = await ingested(spotifyTeardrop(), lastfmTeardrop());
    await world.resolver().run({ limit: 0 });
    await new UnmergeTrack(world.stores).run(lastfm!.id);

    const again = await world.resolver().run({ limit: 0 });

    expect(again.local.merged).toBe(0);
    expect((await world.stores.tracks.findById(lastfm!.id))?.status).toBe('provisional');
  });

  it('asks once about a doubtful duplicate, and accepting it merges the tracks', async () => {
    const [spotify, lastfm] = await ingested(spotifyTeardrop(), lastfmTeardrop(345_000));

    const summary = await world.resolver().run({ limit: 0 });
    const review = new ReviewMatches(world.stores);
    const [item, ...rest] = await review.queue();

    expect(summary.local.review).toBe(1);
    expect(rest).toEqual([]);
    expect(item?.candidates.map((c) => c.mapping.evidence.notes[0])).toEqual([
      expect.stringContaining('local library'),
    ]);
    const outcome = await review.accept(item!.candidates[0]!.id);
    expect(outcome).toMatchObject({
      kind: 'linked',
      merges: [{ survivorId: spotify!.id, mergedId: lastfm!.id }],
    });
    expect(await review.queue()).toEqual([]);
  });

  it('never proposes a rejected candidate again', async () => {
    await ingested(spotifyTeardrop(), lastfmTeardrop(345_000));
    await world.resolver().run({ limit: 0 });
    const review = new ReviewMatches(world.stores);
    const [item] = await review.queue();

    expect(await review.reject(String(item!.track.id))).toBe(1);
    world.clock.advance(1000);
    await world.resolver().run({ limit: 0 });

    expect(await review.queue()).toEqual([]);
    expect(await world.stores.mappings.inStatus('rejected')).toHaveLength(1);
  });

  it('refuses an id that is not in the queue, saying how to list it', async () => {
    await expect(new ReviewMatches(world.stores).accept('41.1')).rejects.toMatchObject({
      code: 'REVIEW.NOT_IN_QUEUE',
    });
  });
});

describe('pinning a match by hand', () => {
  it('links the record, makes the track canonical, and resolution then leaves the track alone', async () => {
    const [track] = await ingested(
      aConnectorTrack({ service: 'lastfm', title: 'Rare B-Side', artists: ['Someone'] }),
    );

    const pinned = await new PinMapping(world.stores).run(track!.id, 'musicbrainz', mbidFor(5));
    const summary = await world.resolver().run();

    expect(pinned).toMatchObject({
      kind: 'linked',
      track: { status: 'canonical', mbid: { value: mbidFor(5) } },
    });
    expect(summary).toMatchObject({ pending: 0, musicbrainz: { tried: 0 } });
    expect((await world.stores.mappings.find('musicbrainz', mbidFor(5)))[0]).toMatchObject({
      pinned: true,
      method: 'manual',
    });
  });

  it('merges the track made from the pinned record into the pinned track', async () => {
    const [spotify, lastfm] = await ingested(
      aConnectorTrack({ title: 'Song A', artists: ['Band'] }),
      aConnectorTrack({ service: 'lastfm', title: 'Song A (translated)', artists: ['Band'] }),
    );
    const spotifyRecord = (await world.stores.mappings.forTrack(spotify!.id))[0]!;

    const pinned = await new PinMapping(world.stores).run(lastfm!.id, 'spotify', spotifyRecord.externalId);

    expect(pinned).toMatchObject({ kind: 'linked', merges: [{ mergedId: expect.any(Number) }] });
    const ids = [spotify!.id, lastfm!.id];
    const states = await world.stores.tracks.findByIds(ids);
    expect(states.filter((t) => t.isMerged)).toHaveLength(1);
  });
});
