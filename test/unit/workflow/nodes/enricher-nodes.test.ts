import { describe, expect, it } from '@jest/globals';
import { metricValue, trackList } from '../../../../src/domain/workflow/track-list.js';
import { aTrack, aTrackMapping, spotifyIdFor } from '../../../builders/index.js';
import { DAY, NOW, nodeKit, runNode } from './node-kit.js';

const HOUR = 3_600_000;

describe('enricher.lastfm', () => {
  it('adds the three Last.fm counts and caches them as metrics', async () => {
    const kit = nodeKit();
    const track = aTrack({ title: 'Reckoner', artists: ['Radiohead'] });
    kit.lastfm.know('Radiohead', 'Reckoner', { userPlaycount: 12, globalPlaycount: 900, listeners: 300 });

    const { output, details } = await runNode(kit, 'enricher.lastfm', {}, { in: trackList([track]) });

    expect(metricValue(output, 'lastfm_user_playcount', track.id)).toBe(12);
    expect(metricValue(output, 'lastfm_global_playcount', track.id)).toBe(900);
    expect(metricValue(output, 'lastfm_listeners', track.id)).toBe(300);
    expect(details).toMatchObject({ fetched: 1, cached: 0 });
    expect(kit.metrics.stored.get(`${track.id}/lastfm_user_playcount`)).toMatchObject({
      value: 12,
      fetchedAt: NOW,
      source: 'lastfm',
    });
  });

  it('asks Last.fm nothing for counts fetched within max_age_hours, and again once they are older', async () => {
    const kit = nodeKit();
    const [fresh, stale] = [aTrack(), aTrack()];
    for (const [track, age] of [
      [fresh!, 2 * HOUR],
      [stale!, 30 * HOUR],
    ] as const) {
      await kit.metrics.upsertMany(
        ['lastfm_user_playcount', 'lastfm_global_playcount', 'lastfm_listeners'].map((name) => ({
          trackId: track.id,
          name,
          value: 7,
          source: 'lastfm' as const,
          fetchedAt: NOW - age,
        })),
      );
      kit.lastfm.know(track.primaryArtist, track.title, {
        userPlaycount: 8,
        globalPlaycount: 8,
        listeners: 8,
      });
    }

    const { output, details } = await runNode(
      kit,
      'enricher.lastfm',
      { max_age_hours: 24, batch_size: 50 },
      { in: trackList([fresh!, stale!]) },
    );

    expect(kit.lastfm.asked.map((q) => q.title)).toEqual([stale!.title]);
    expect(metricValue(output, 'lastfm_user_playcount', fresh!.id)).toBe(7);
    expect(metricValue(output, 'lastfm_user_playcount', stale!.id)).toBe(8);
    expect(details).toMatchObject({ cached: 1, fetched: 1 });
  });

  it("asks under the name of the track's resolved Last.fm identity", async () => {
    const kit = nodeKit();
    const track = aTrack({ title: 'Reckoner (2007 version)', artists: ['radiohead'] });
    await kit.mappings.upsert(
      aTrackMapping({
        trackId: track.id,
        service: 'lastfm',
        externalId: 'radiohead\u001freckoner',
        status: 'accepted',
      }),
    );
    kit.lastfm.know('radiohead', 'reckoner', { userPlaycount: 3 });

    const { output } = await runNode(kit, 'enricher.lastfm', {}, { in: trackList([track]) });

    expect(kit.lastfm.asked[0]).toMatchObject({ artist: 'radiohead', title: 'reckoner' });
    expect(metricValue(output, 'lastfm_user_playcount', track.id)).toBe(3);
  });

  it('counts a track Last.fm knows but the user never played as 0 plays, and leaves unknown tracks without', async () => {
    const kit = nodeKit();
    const [known, unknown] = [aTrack(), aTrack()];
    kit.lastfm.know(known!.primaryArtist, known!.title, { globalPlaycount: 5, listeners: 2 });

    const { output, details } = await runNode(
      kit,
      'enricher.lastfm',
      {},
      { in: trackList([known!, unknown!]) },
    );

    expect(metricValue(output, 'lastfm_user_playcount', known!.id)).toBe(0);
    expect(metricValue(output, 'lastfm_user_playcount', unknown!.id)).toBeUndefined();
    expect(details).toMatchObject({ unknownToLastfm: 1 });
  });

  it('remembers a track Last.fm does not know, for max_age_hours, instead of asking on every run', async () => {
    const kit = nodeKit();
    const unknown = aTrack();

    await runNode(kit, 'enricher.lastfm', {}, { in: trackList([unknown]) });
    const { details } = await runNode(kit, 'enricher.lastfm', {}, { in: trackList([unknown]) });

    expect(kit.lastfm.asked).toHaveLength(1);
    expect(details).toMatchObject({ cached: 1, fetched: 0, unknownToLastfm: 1 });
  });

  it("without a Last.fm user adds the global counts and says how to get the user's", async () => {
    const kit = nodeKit();
    kit.lastfm.username = null;
    const track = aTrack();
    kit.lastfm.know(track.primaryArtist, track.title, { globalPlaycount: 5, listeners: 2 });

    const { output, warnings } = await runNode(kit, 'enricher.lastfm', {}, { in: trackList([track]) });

    expect(metricValue(output, 'lastfm_global_playcount', track.id)).toBe(5);
    expect(warnings?.[0]).toContain('LASTFM_USERNAME');
  });
});

describe('enricher.spotify', () => {
  it('fills release date and adds explicit and duration from the Spotify record, fetching only what it lacks', async () => {
    const kit = nodeKit();
    const record = kit.spotify.addTrack({
      title: 'Song',
      releaseDate: '1999-03-01',
      durationMs: 200_000,
      attributes: { explicit: true },
    });
    const track = aTrack({ releaseDate: null, durationMs: null });
    await kit.mappings.upsert(
      aTrackMapping({
        trackId: track.id,
        service: 'spotify',
        externalId: record.externalId,
        status: 'accepted',
      }),
    );

    const { output, details, warnings } = await runNode(
      kit,
      'enricher.spotify',
      { attributes: ['popularity'] },
      { in: trackList([track]) },
    );

    expect(output.tracks[0]!.releaseDate?.toString()).toBe('1999-03-01');
    expect(metricValue(output, 'explicit', track.id)).toBe(1);
    expect(metricValue(output, 'duration_ms', track.id)).toBe(200_000);
    expect(metricValue(output, 'release_year', track.id)).toBe(1999);
    expect(details).toMatchObject({ fetched: 1 });
    expect(warnings?.[0]).toContain('no longer sends popularity');
    expect(kit.connectorTracks.records.has(`spotify:${record.externalId}`)).toBe(true);
  });

  it('reuses the records a Spotify source just read', async () => {
    const kit = nodeKit();
    const record = kit.spotify.addTrack({ title: 'Song' });
    await kit.connectorTracks.upsertMany([{ ...record, fetchedAt: NOW }]);
    const id = spotifyIdFor(5005);
    kit.spotify.addPlaylist(id, 'P', [kit.spotify.entry(record, 1)]);
    const { output: list } = await runNode(kit, 'source.spotify_playlist', { playlist_id: id });

    const { details } = await runNode(kit, 'enricher.spotify', {}, { in: list });

    expect(details).toMatchObject({ cached: 1, fetched: 0 });
    expect(kit.spotify.calls.filter((c) => c.method === 'getTrack')).toEqual([]);
  });
});

describe('enricher.play_history', () => {
  it('attaches total plays, last play and plays in the period from the local history', async () => {
    const kit = nodeKit();
    const [often, never] = [aTrack(), aTrack()];
    kit.playHistory.plays.set(often!.id, [NOW - 400 * DAY, NOW - 10 * DAY, NOW - 2 * DAY]);

    const { output } = await runNode(
      kit,
      'enricher.play_history',
      { metrics: ['total_plays', 'last_played_dates', 'period_plays'], period_days: 30 },
      {
        in: trackList([often!, never!]),
      },
    );

    expect(metricValue(output, 'total_plays', often!.id)).toBe(3);
    expect(metricValue(output, 'period_plays', often!.id)).toBe(2);
    expect(metricValue(output, 'last_played_at', often!.id)).toBe(NOW - 2 * DAY);
    expect(output.playHistory?.get(never!.id)).toEqual({
      totalPlays: 0,
      lastPlayedAt: null,
      playsInPeriod: 0,
    });
    expect(kit.playHistory.asked[0]).toEqual({ period: { from: NOW - 30 * DAY, to: NOW } });
  });
});
