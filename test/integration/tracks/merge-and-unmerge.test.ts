import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MergeTracks } from '../../../src/application/use-cases/tracks/merge-tracks.js';
import { UnmergeTrack } from '../../../src/application/use-cases/tracks/unmerge-track.js';
import type { Track } from '../../../src/domain/track/track.js';
import {
  aConnectorTrack,
  aLike,
  aListeningEvent,
  aTrackMapping,
  aTrackMetric,
  mbidFor,
} from '../../builders/index.js';
import { aPlaylistDraft, aTrackDraft, AT, seedPlays } from '../persistence/temp-database.js';
import { openIdentityWorld, type IdentityWorld } from './identity-test-kit.js';

type Row = Record<string, unknown>;

const TABLES: Readonly<Record<string, string>> = {
  tracks: `SELECT "id", "title", "status", "merged_into", "isrc", "mbid", "confidence" FROM "tracks" ORDER BY "id"`,
  track_mappings: `SELECT * FROM "track_mappings" ORDER BY "service", "external_id", "track_id"`,
  track_metrics: `SELECT * FROM "track_metrics" ORDER BY "track_id", "name"`,
  daily_listens: `SELECT * FROM "daily_listens" ORDER BY "user", "track_id", "date"`,
  playlist_items: `SELECT * FROM "playlist_items" ORDER BY "playlist_id", "position"`,
  likes: `SELECT * FROM "likes" ORDER BY "service", "external_id"`,
  plays: `SELECT * FROM "plays" ORDER BY "id"`,
  listening_events: `SELECT * FROM "listening_events" ORDER BY "id"`,
  connector_tracks: `SELECT * FROM "connector_tracks" ORDER BY "service", "external_id"`,
};

async function dump(world: IdentityWorld): Promise<Record<string, Row[]>> {
  const tables: [string, Row[]][] = [];
  for (const [table, sql] of Object.entries(TABLES)) tables.push([table, await world.temp.query<Row>(sql)]);
  return Object.fromEntries(tables);
}

async function totals(world: IdentityWorld): Promise<Row | undefined> {
  return (
    await world.temp.query<Row>(
      `SELECT (SELECT COUNT(*) FROM "plays") AS plays, (SELECT COUNT(*) FROM "likes") AS likes,
         (SELECT COUNT(*) FROM "playlist_items") AS items, (SELECT SUM("listen_count") FROM "daily_listens") AS listens,
         (SELECT SUM("total_ms_played") FROM "daily_listens") AS ms, (SELECT COUNT(*) FROM "listening_events") AS events,
         (SELECT COUNT(*) FROM "connector_tracks") AS records`,
    )
  )[0];
}

describe('merging two tracks and undoing it', () => {
  let world: IdentityWorld;
  let keep: Track;
  let fold: Track;
  let older: Track;

  beforeEach(async () => {
    world = await openIdentityWorld();
    const { tracks, playlists, likes, trackMetrics, listenRecording, trackMappings } = world.temp.repos;
    keep = await tracks.insert(aTrackDraft({ title: 'Teardrop' }), AT);
    fold = await tracks.insert(aTrackDraft({ title: 'Teardrop', isrc: null }), AT);
    older = await tracks.insert(aTrackDraft({ title: 'Teardrop (single)' }), AT);
    await new MergeTracks(world.stores).run(fold.id, older.id);

    const shared = { service: 'musicbrainz' as const, externalId: mbidFor(77) };
    await trackMappings.upsert(aTrackMapping({ ...shared, trackId: keep.id, confidence: 90 }));
    await trackMappings.upsert(aTrackMapping({ ...shared, trackId: fold.id, confidence: 70 }));
    await trackMappings.upsert(aTrackMapping({ service: 'lastfm', trackId: fold.id, pinned: true }));
    await world.temp.repos.connectorTracks.upsertMany([
      aConnectorTrack(),
      aConnectorTrack({ service: 'lastfm' }),
    ]);
    await playlists.save(aPlaylistDraft({ trackIds: [fold.id, keep.id, fold.id] }));
    await likes.upsertMany([aLike({ trackId: keep.id }), aLike({ service: 'lastfm', trackId: fold.id })]);
    // Plays on the days of the daily roll-ups below (a track's roll-ups are found through its plays).
    await seedPlays(
      world.temp.repos,
      ['2024-01-01T12:00:00Z', '2024-01-01T13:00:00Z', '2024-01-02T12:00:00Z'].map((at, n) => ({
        event: aListeningEvent({ playedAt: Date.parse(at), msPlayed: 1000 }),
        trackId: n === 0 ? keep.id : fold.id,
      })),
    );
    await trackMetrics.upsertMany([
      aTrackMetric({ trackId: keep.id, name: 'lastfm_listeners', value: 100 }),
      aTrackMetric({ trackId: fold.id, name: 'lastfm_listeners', value: 5 }),
      aTrackMetric({ trackId: fold.id, name: 'lastfm_user_playcount', value: 7 }),
    ]);
    await listenRecording.addDailyListens([
      { user: 'listener', trackId: keep.id, date: '2024-01-01', listenCount: 2, totalMsPlayed: 200 },
      { user: 'listener', trackId: fold.id, date: '2024-01-01', listenCount: 3, totalMsPlayed: 300 },
      { user: 'listener', trackId: fold.id, date: '2024-01-02', listenCount: 1, totalMsPlayed: 100 },
    ]);
  });

  afterEach(async () => {
    await world.dispose();
  });

  it('re-points everything at the survivor, sums the counts and keeps the merged record', async () => {
    const before = await totals(world);
    const ledger = await dump(world);

    const merge = await new MergeTracks(world.stores).run(keep.id, fold.id);

    expect(merge).toMatchObject({ survivorId: keep.id, mergedId: fold.id, previousStatus: 'provisional' });
    expect(await totals(world)).toEqual(before);
    const after = await dump(world);
    expect(after['listening_events']).toEqual(ledger['listening_events']);
    expect(after['connector_tracks']).toEqual(ledger['connector_tracks']);
    expect(await world.stores.tracks.findById(fold.id)).toMatchObject({
      status: 'merged',
      mergedInto: keep.id,
    });
    expect((await world.stores.tracks.findById(older.id))?.mergedInto).toBe(keep.id);
    const { playHistory, listeningStats } = world.temp.repos;
    expect((await playHistory.forTracks([keep.id]))[0]?.totalPlays).toBe(3);
    const onDay = (date: string) => listeningStats.listensByTrack({ from: date, to: date }, 'listener');
    expect(await onDay('2024-01-01')).toEqual([{ trackId: keep.id, listens: 5, msPlayed: 500 }]);
    expect(await onDay('2024-01-02')).toEqual([{ trackId: keep.id, listens: 1, msPlayed: 100 }]);
  });

  it('puts every row back exactly as it was on unmerge', async () => {
    const before = await dump(world);
    await new MergeTracks(world.stores).run(keep.id, fold.id);
    world.clock.advance(1000);

    const undone = await new UnmergeTrack(world.stores).run(fold.id);

    expect(undone.undoneAt).toBe(AT + 1000);
    expect(await dump(world)).toEqual(before);
    expect(await world.stores.merges.undonePairs()).toEqual([[fold.id, keep.id]]);
  });

  it('undoes a merge exactly even after the survivor was itself merged into a third track', async () => {
    const before = await dump(world);
    const third = await world.stores.tracks.insert(aTrackDraft({ title: 'Teardrop' }), AT);
    await new MergeTracks(world.stores).run(keep.id, fold.id);
    await new MergeTracks(world.stores).run(third.id, keep.id);

    await new UnmergeTrack(world.stores).run(keep.id);
    await new UnmergeTrack(world.stores).run(fold.id);

    const { tracks: trackRows, ...rest } = await dump(world);
    const { tracks: beforeTracks, ...beforeRest } = before;
    expect(rest).toEqual(beforeRest);
    expect(trackRows).toEqual([
      ...(beforeTracks ?? []),
      expect.objectContaining({ id: third.id, status: 'provisional' }),
    ]);
  });

  it('refuses to unmerge a track that stands alone', async () => {
    await expect(new UnmergeTrack(world.stores).run(keep.id)).rejects.toMatchObject({
      code: 'IDENTITY.NOT_MERGED',
    });
  });

  it('refuses to merge a track into itself', async () => {
    await expect(new MergeTracks(world.stores).run(older.id, fold.id)).rejects.toMatchObject({
      code: 'IDENTITY.SAME_TRACK',
    });
  });
});
