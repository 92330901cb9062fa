import { describe, expect, it } from '@jest/globals';
import { isNaradaError } from '../../../../src/domain/shared/errors.js';
import { tagMetricName } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrack, aTrackList } from '../../../builders/index.js';
import { configProblems, DAY, NOW, nodeKit, runNode, titles } from './node-kit.js';

const [a1, a2, b1] = [
  aTrack({ title: 'A1', artists: ['A band'] }),
  aTrack({ title: 'A2', artists: ['A band'] }),
  aTrack({ title: 'B1', artists: ['B band'] }),
];

describe('sorter.separate_artists and selector.one_per_artist', () => {
  it('separates neighbours by the same primary artist', async () => {
    const { output } = await runNode(
      nodeKit(),
      'sorter.separate_artists',
      {},
      { in: aTrackList([a1, a2, b1]) },
    );
    expect(titles(output)).toEqual(['A1', 'B1', 'A2']);
  });

  it('keeps the most played track of each artist by the metric named', async () => {
    const list = aTrackList([a1, a2, b1], { metrics: { lastfm_user_playcount: [1, 7, 2] } });
    const { output } = await runNode(
      nodeKit(),
      'selector.one_per_artist',
      { keep: 'most_played', metric_name: 'lastfm_user_playcount' },
      { in: list },
    );
    expect(titles(output)).toEqual(['A2', 'B1']);
  });

  it('warns when most_played names a metric no track has', async () => {
    const { warnings } = await runNode(
      nodeKit(),
      'selector.one_per_artist',
      { keep: 'most_played', metric_name: 'total_plays' },
      { in: aTrackList([a1]) },
    );
    expect(warnings?.[0]).toContain('no track has the metric "total_plays"');
  });

  it('refuses an unknown keep', () => {
    expect(configProblems('selector.one_per_artist', { keep: 'loudest' })[0]).toMatchObject({
      path: ['keep'],
    });
  });
});

describe('filter.by_added_at', () => {
  const list = aTrackList([a1, a2, b1], {
    metrics: { added_at: [NOW - 2 * DAY, NOW - 40 * DAY, undefined] },
  });

  it('keeps tracks added within max_age_days of the run', async () => {
    const { output } = await runNode(nodeKit(), 'filter.by_added_at', { max_age_days: 7 }, { in: list });
    expect(titles(output)).toEqual(['A1']);
  });

  it('reads absolute after/before as ISO dates', async () => {
    const after = new Date(NOW - 60 * DAY).toISOString().slice(0, 10);
    const before = new Date(NOW - 10 * DAY).toISOString();
    const { output } = await runNode(
      nodeKit(),
      'filter.by_added_at',
      { after, before, include_missing: true },
      { in: list },
    );
    expect(titles(output)).toEqual(['A2', 'B1']);
  });

  it('names the field of a bad date and of contradicting bounds', () => {
    expect(configProblems('filter.by_added_at', { after: 'last spring' })[0]).toMatchObject({
      path: ['after'],
      message: expect.stringContaining('must be an ISO date'),
    });
    expect(
      configProblems('filter.by_added_at', { after: '2025-02-01', before: '2025-01-01' })[0],
    ).toMatchObject({
      path: ['after'],
    });
  });
});

describe('filter.by_tags', () => {
  const list = aTrackList([a1, a2, b1], {
    metrics: {
      [tagMetricName('shoegaze')]: [100, 10, undefined],
      [tagMetricName('pop')]: [undefined, 100, 50],
    },
  });

  it('keeps tracks with an included tag at the minimum weight, dropping excluded ones', async () => {
    const { output } = await runNode(
      nodeKit(),
      'filter.by_tags',
      { include: ['Shoegaze'], exclude: ['pop'], min_weight: 5 },
      { in: list },
    );
    expect(titles(output)).toEqual(['A1']);
  });

  it('names min_weight when it is out of range, and include when no tag is given', () => {
    expect(configProblems('filter.by_tags', { include: ['x'], min_weight: 150 })[0]).toMatchObject({
      path: ['min_weight'],
    });
    expect(configProblems('filter.by_tags', {})[0]).toMatchObject({ path: ['include'] });
    expect(configProblems('filter.by_tags', { include: ['x'], match: 'some' })[0]).toMatchObject({
      path: ['match'],
    });
  });
});

describe('filter.by_liked', () => {
  it('keeps only the liked tracks of the service, or only the others', async () => {
    const kit = nodeKit();
    await kit.likes.upsertMany([{ service: 'spotify', trackId: a2.id, likedAt: NOW, externalId: 'x' }]);
    const liked = await runNode(
      kit,
      'filter.by_liked',
      { service: 'spotify' },
      { in: aTrackList([a1, a2, b1]) },
    );
    const others = await runNode(
      kit,
      'filter.by_liked',
      { service: 'spotify', liked: false },
      { in: aTrackList([a1, a2, b1]) },
    );
    expect(titles(liked.output)).toEqual(['A2']);
    expect(titles(others.output)).toEqual(['A1', 'B1']);
  });

  it("counts a Last.fm love for a track whose own artist and title are the loved one's", async () => {
    const kit = nodeKit();
    const other = aTrack({ title: 'Something else', artists: ['Z band'] });
    await kit.likes.upsertMany([
      { service: 'lastfm', trackId: other.id, likedAt: NOW, externalId: 'a band\u001fa1' },
    ]);
    const { output } = await runNode(
      kit,
      'filter.by_liked',
      { service: 'lastfm' },
      { in: aTrackList([a1, a2, b1]) },
    );
    expect(titles(output)).toEqual(['A1']);
  });

  it('refuses to run when no likes of the service were imported, naming the command', async () => {
    const failure = await runNode(
      nodeKit(),
      'filter.by_liked',
      { service: 'lastfm' },
      { in: aTrackList([a1]) },
    ).catch((error: unknown) => error);
    expect(isNaradaError(failure) && failure.category).toBe('input');
    expect((failure as Error).message).toContain('`narada likes import lastfm`');
  });
});

describe('the Last.fm sources refuse incomplete config, naming the field', () => {
  it('source.lastfm_similar_tracks needs a seed: artist and title, or an upstream task', () => {
    expect(configProblems('source.lastfm_similar_tracks', {}, [])[0]).toMatchObject({ path: ['artist'] });
    expect(configProblems('source.lastfm_similar_tracks', { artist: 'Slowdive' }, [])[0]).toMatchObject({
      path: ['title'],
    });
    expect(
      configProblems('source.lastfm_similar_tracks', { artist: 'Slowdive', title: 'Alison' }, []),
    ).toEqual([]);
    expect(configProblems('source.lastfm_similar_tracks', { limit: 5 }, ['seeds'])).toEqual([]);
    expect(configProblems('source.lastfm_similar_tracks', { limit: 0 }, ['seeds'])[0]).toMatchObject({
      path: ['limit'],
    });
  });

  it('source.lastfm_top_tracks takes only the periods Last.fm keeps', () => {
    expect(configProblems('source.lastfm_top_tracks', { period: '2week' }, [])[0]).toMatchObject({
      path: ['period'],
      message: expect.stringContaining('"7day"'),
    });
    expect(configProblems('source.lastfm_top_tracks', { period: '12month' }, [])).toEqual([]);
  });

  it('source.lastfm_artist_top_tracks needs artists or an upstream task', () => {
    expect(configProblems('source.lastfm_artist_top_tracks', {}, [])[0]).toMatchObject({ path: ['artists'] });
    expect(configProblems('source.lastfm_artist_top_tracks', { artists: [] }, [])[0]).toMatchObject({
      path: ['artists'],
    });
    expect(configProblems('source.lastfm_artist_top_tracks', { artist: 'Kestrel' }, [])).toEqual([]);
  });
});

describe('metric warnings after enricher.lastfm_tags', () => {
  it('sum the tag metrics up instead of listing every tag name', async () => {
    const list = aTrackList([a1], {
      metrics: { [tagMetricName('rock')]: [50], [tagMetricName('pop')]: [20] },
    });
    const { warnings } = await runNode(
      nodeKit(),
      'sorter.by_metric',
      { metric_name: 'total_plays' },
      { in: list },
    );
    expect(warnings).toEqual([
      'no track has the metric "total_plays" (the list carries: 2 lastfm_tag:<name> metrics)',
    ]);
  });
});
