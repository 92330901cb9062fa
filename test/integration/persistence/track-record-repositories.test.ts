import { beforeEach, describe, expect, it } from '@jest/globals';
import type { TrackId } from '../../../src/domain/track/track.js';
import { aConnectorTrack, aLike, aTrackMapping, aTrackMetric } from '../../builders/index.js';
import { aTrackDraft, AT, tempDatabasePerTest } from './temp-database.js';

describe('track records: connector tracks, mappings, metrics and likes', () => {
  const temp = tempDatabasePerTest();
  let trackIds: TrackId[];

  beforeEach(async () => {
    trackIds = await temp.repos.tracks.insertMany([aTrackDraft(), aTrackDraft(), aTrackDraft()], AT);
  });

  describe('connector tracks', () => {
    it('round-trips a record with its ISRC, release date, attributes and raw wire JSON', async () => {
      const record = aConnectorTrack({
        artists: ['Björk', 'Thom Yorke'],
        releaseDate: '2000-09',
        attributes: { explicit: false, isLocal: false, popularity: 41, previewUrl: null },
        raw: { id: 'x', album: { images: [{ url: 'https://i.scdn.co/a' }] }, 'odd key': [1, 'two', null] },
      });
      await temp.repos.connectorTracks.upsertMany([record]);

      const loaded = await temp.repos.connectorTracks.find(record.service, record.externalId);

      expect(loaded).toEqual(record);
      expect(loaded?.isrc?.value).toBe(record.isrc?.value);
      expect(loaded?.releaseDate?.toString()).toBe('2000-09');
    });

    it('replaces a known record with what the service says now', async () => {
      const first = aConnectorTrack({ title: 'Old title' });
      await temp.repos.connectorTracks.upsertMany([first]);
      await temp.repos.connectorTracks.upsertMany([{ ...first, title: 'New title', fetchedAt: AT + 5 }]);

      expect(await temp.repos.connectorTracks.find(first.service, first.externalId)).toMatchObject({
        title: 'New title',
        fetchedAt: AT + 5,
      });
    });

    it('finds nothing for a record it never stored', async () => {
      expect(await temp.repos.connectorTracks.find('lastfm', 'nobody\u001fnothing')).toBeNull();
    });
  });

  describe('track mappings', () => {
    it('round-trips a mapping with its evidence and keeps its creation time when it changes', async () => {
      const { trackMappings } = temp.repos;
      const mapping = aTrackMapping({
        trackId: trackIds[0]!,
        status: 'review',
        confidence: 72,
        method: 'fuzzy',
        pinned: true,
        evidence: {
          factors: [{ name: 'title', score: 0.93, penalty: 4, detail: '"Song" vs "Song - Remastered"' }],
          notes: ['duration differs by 2 s'],
        },
      });
      await trackMappings.upsert(mapping);
      expect(await trackMappings.find(mapping.service, mapping.externalId)).toEqual([mapping]);

      await trackMappings.upsert({ ...mapping, status: 'accepted', createdAt: AT + 99, updatedAt: AT + 99 });

      expect(await trackMappings.forTrack(trackIds[0]!)).toEqual([
        { ...mapping, status: 'accepted', createdAt: mapping.createdAt, updatedAt: AT + 99 },
      ]);
    });

    it('lists the mappings waiting for review, oldest first', async () => {
      const { trackMappings } = temp.repos;
      await trackMappings.upsert(
        aTrackMapping({ trackId: trackIds[0]!, status: 'review', createdAt: AT + 2 }),
      );
      await trackMappings.upsert(aTrackMapping({ trackId: trackIds[1]!, status: 'accepted' }));
      await trackMappings.upsert(
        aTrackMapping({ trackId: trackIds[2]!, status: 'review', createdAt: AT + 1 }),
      );

      expect((await trackMappings.inStatus('review')).map((m) => m.trackId)).toEqual([
        trackIds[2],
        trackIds[0],
      ]);
    });

    it('keeps one service record linked to several tracks apart', async () => {
      const { trackMappings } = temp.repos;
      const key = { service: 'lastfm' as const, externalId: 'artist\u001ftitle' };
      await trackMappings.upsert(aTrackMapping({ ...key, trackId: trackIds[0]!, status: 'rejected' }));
      await trackMappings.upsert(aTrackMapping({ ...key, trackId: trackIds[1]!, status: 'accepted' }));

      expect(
        (await trackMappings.find(key.service, key.externalId)).map((m) => [m.trackId, m.status]),
      ).toEqual([
        [trackIds[0], 'rejected'],
        [trackIds[1], 'accepted'],
      ]);
    });
  });

  describe('track metrics', () => {
    it('returns the asked metrics of the asked tracks and replaces a value on upsert', async () => {
      const { trackMetrics } = temp.repos;
      await trackMetrics.upsertMany([
        aTrackMetric({ trackId: trackIds[0]!, name: 'lastfm_user_playcount', value: 3 }),
        aTrackMetric({ trackId: trackIds[0]!, name: 'lastfm_listeners', value: 1_234_567 }),
        aTrackMetric({ trackId: trackIds[1]!, name: 'lastfm_user_playcount', value: 8 }),
      ]);
      await trackMetrics.upsertMany([
        aTrackMetric({ trackId: trackIds[0]!, name: 'lastfm_user_playcount', value: 4, fetchedAt: AT + 1 }),
      ]);

      const found = await trackMetrics.get([trackIds[0]!, trackIds[2]!], ['lastfm_user_playcount']);

      expect(found).toEqual([
        aTrackMetric({ trackId: trackIds[0]!, name: 'lastfm_user_playcount', value: 4, fetchedAt: AT + 1 }),
      ]);
      expect(await trackMetrics.get(trackIds, [])).toEqual([]);
    });
  });

  describe('likes', () => {
    it('lists a service’s likes newest first with undated ones last, and forgets a removed one', async () => {
      const { likes } = temp.repos;
      const older = aLike({ trackId: trackIds[0]!, likedAt: AT });
      const undated = aLike({ trackId: trackIds[1]!, likedAt: null });
      const newer = aLike({ trackId: trackIds[2]!, likedAt: AT + 10 });
      const loved = aLike({ trackId: trackIds[0]!, service: 'lastfm' });
      await likes.upsertMany([older, undated, newer, loved]);

      expect(await likes.list('spotify')).toEqual([newer, older, undated]);
      expect(await likes.remove('spotify', older.externalId)).toBe(true);
      expect(await likes.remove('spotify', older.externalId)).toBe(false);
      expect(await likes.list('spotify')).toEqual([newer, undated]);
      expect(await likes.list('lastfm')).toEqual([loved]);
    });
  });
});
