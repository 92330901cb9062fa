import { describe, expect, it } from '@jest/globals';
import { metricValue, trackList } from '../../../../src/domain/workflow/track-list.js';
import { aTrack } from '../../../builders/index.js';
import { NOW, nodeKit, runNode } from './node-kit.js';

const HOUR = 3_600_000;

describe('enricher.lastfm_tags', () => {
  it("adds the track's tags as lastfm_tag:<name> weights, lower-cased, and caches them", async () => {
    const kit = nodeKit();
    const track = aTrack({ title: 'Alison', artists: ['Slowdive'] });
    kit.lastfm.trackTags.set('slowdive\u001falison', [
      { name: 'Shoegaze', count: 100 },
      { name: 'dream pop', count: 55 },
      { name: 'unheard', count: 0 },
    ]);

    const { output, details } = await runNode(kit, 'enricher.lastfm_tags', {}, { in: trackList([track]) });

    expect(metricValue(output, 'lastfm_tag:shoegaze', track.id)).toBe(100);
    expect(metricValue(output, 'lastfm_tag:dream pop', track.id)).toBe(55);
    expect(output.metrics.has('lastfm_tag:unheard')).toBe(false);
    expect(details).toMatchObject({ fetched: 1, cached: 0, fromArtist: 0 });
    expect(kit.metrics.stored.get(`${track.id}/lastfm_tags_fetched`)).toMatchObject({
      value: 2,
      fetchedAt: NOW,
    });
  });

  it("falls back to the artist's tags, asking once per artist, and keeps max_tags of the heaviest", async () => {
    const kit = nodeKit();
    const [one, two] = [aTrack({ artists: ['Kestrel'] }), aTrack({ artists: ['Kestrel'] })];
    kit.lastfm.artistTags.set('kestrel', [
      { name: 'ambient', count: 30 },
      { name: 'electronic', count: 100 },
    ]);

    const { output, details } = await runNode(
      kit,
      'enricher.lastfm_tags',
      { max_tags: 1, concurrency: 1 },
      { in: trackList([one!, two!]) },
    );

    expect(metricValue(output, 'lastfm_tag:electronic', two!.id)).toBe(100);
    expect(output.metrics.has('lastfm_tag:ambient')).toBe(false);
    expect(kit.lastfm.tagCalls.filter((call) => call.startsWith('artist:'))).toEqual(['artist:Kestrel']);
    expect(details).toMatchObject({ fromArtist: 2 });
  });

  it('reuses tags fetched within max_age_hours, ignoring tags an older fetch left behind', async () => {
    const kit = nodeKit();
    const track = aTrack({ title: 'Glasshouse', artists: ['Mira Sol'] });
    const stored = (name: string, value: number, age: number) => ({
      trackId: track.id,
      name,
      value,
      source: 'lastfm' as const,
      fetchedAt: NOW - age,
    });
    await kit.metrics.upsertMany([
      stored('lastfm_tag:indie', 80, 2 * HOUR),
      stored('lastfm_tags_fetched', 1, 2 * HOUR),
      stored('lastfm_tag:dropped', 40, 500 * HOUR),
    ]);

    const { output, details } = await runNode(
      kit,
      'enricher.lastfm_tags',
      { max_age_hours: 24 },
      { in: trackList([track]) },
    );

    expect(kit.lastfm.tagCalls).toEqual([]);
    expect(metricValue(output, 'lastfm_tag:indie', track.id)).toBe(80);
    expect(output.metrics.has('lastfm_tag:dropped')).toBe(false);
    expect(details).toMatchObject({ cached: 1, fetched: 0 });
  });

  it('asks again once the cached tags are older than max_age_hours, and remembers a track without tags', async () => {
    const kit = nodeKit();
    const track = aTrack({ artists: ['Unknown band'] });
    await kit.metrics.upsertMany([
      {
        trackId: track.id,
        name: 'lastfm_tags_fetched',
        value: 0,
        source: 'lastfm',
        fetchedAt: NOW - 48 * HOUR,
      },
    ]);

    const { details } = await runNode(
      kit,
      'enricher.lastfm_tags',
      { max_age_hours: 24 },
      { in: trackList([track]) },
    );

    expect(kit.lastfm.tagCalls).toHaveLength(2);
    expect(details).toMatchObject({ fetched: 1, withoutTags: 1 });
    expect(kit.metrics.stored.get(`${track.id}/lastfm_tags_fetched`)).toMatchObject({
      value: 0,
      fetchedAt: NOW,
    });
  });
});
