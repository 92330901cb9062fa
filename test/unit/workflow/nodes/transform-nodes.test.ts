import { describe, expect, it } from '@jest/globals';
import { aTrack, aTrackList } from '../../../builders/index.js';
import { configProblems, DAY, NOW, nodeKit, runNode, titles } from './node-kit.js';

const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((title) => aTrack({ title, artists: [`${title} band`] }));
const abcd = aTrackList([a!, b!, c!, d!], { metrics: { lastfm_user_playcount: [5, undefined, 9, 5] } });

describe('filters', () => {
  it('filter.deduplicate keeps the first occurrence', async () => {
    const { output } = await runNode(nodeKit(), 'filter.deduplicate', {}, { in: aTrackList([a!, b!, a!]) });
    expect(titles(output)).toEqual(['A', 'B']);
  });

  it('filter.by_tracks drops the tracks of exclusion_source and works on the other upstream', async () => {
    const { output, inputCount } = await runNode(
      nodeKit(),
      'filter.by_tracks',
      { exclusion_source: 'heard' },
      {
        fresh: abcd,
        heard: aTrackList([b!, d!]),
      },
    );
    expect(titles(output)).toEqual(['A', 'C']);
    expect(inputCount).toBe(4);
  });

  it('filter.by_artists compares every credited artist with exclude_all_artists', async () => {
    const duet = aTrack({ title: 'Duet', artists: ['Solo', 'A band'] });
    const config = { exclusion_source: 'skip', exclude_all_artists: true };
    const { output } = await runNode(nodeKit(), 'filter.by_artists', config, {
      in: aTrackList([duet, b!]),
      skip: aTrackList([a!]),
    });
    expect(titles(output)).toEqual(['B']);
  });

  it('filter.by_metric keeps values in range, and tracks lacking it only with include_missing', async () => {
    const kit = nodeKit();
    const ranged = await runNode(
      kit,
      'filter.by_metric',
      { metric_name: 'lastfm_user_playcount', min_value: 6 },
      { in: abcd },
    );
    const withMissing = await runNode(
      kit,
      'filter.by_metric',
      { metric_name: 'lastfm_user_playcount', max_value: 5, include_missing: true },
      { in: abcd },
    );
    expect(titles(ranged.output)).toEqual(['C']);
    expect(titles(withMissing.output)).toEqual(['A', 'B', 'D']);
  });

  it('filter.by_release_date measures ages from the run start', async () => {
    const recent = aTrack({
      title: 'Recent',
      releaseDate: new Date(NOW - 10 * DAY).toISOString().slice(0, 10),
    });
    const old = aTrack({ title: 'Old', releaseDate: '1999' });
    const { output } = await runNode(
      nodeKit(),
      'filter.by_release_date',
      { max_age_days: 90 },
      { in: aTrackList([old, recent]) },
    );
    expect(titles(output)).toEqual(['Recent']);
  });

  it('filter.by_play_history reads the original days_back as played_within_days', async () => {
    const list = aTrackList([a!, b!, c!], {
      playHistory: [
        { totalPlays: 3, lastPlayedAt: NOW - 2 * DAY },
        { totalPlays: 9, lastPlayedAt: NOW - 20 * DAY },
        { totalPlays: 0, lastPlayedAt: null },
      ],
    });
    const { output } = await runNode(
      nodeKit(),
      'filter.by_play_history',
      { min_plays: 1, days_back: 7, include_missing: false },
      { in: list },
    );
    expect(titles(output)).toEqual(['A']);
  });

  describe('the original after_date, before_date and days_forward', () => {
    const list = () =>
      aTrackList([a!, b!, c!], {
        playHistory: [
          { totalPlays: 3, lastPlayedAt: Date.UTC(2025, 0, 10) },
          { totalPlays: 9, lastPlayedAt: Date.UTC(2025, 2, 1) },
          { totalPlays: 0, lastPlayedAt: null },
        ],
      });

    it('keeps tracks last played on or after after_date and before before_date', async () => {
      const run = (config: Record<string, unknown>) =>
        runNode(nodeKit(), 'filter.by_play_history', config, { in: list() });
      expect(titles((await run({ after_date: '2025-01-10' })).output)).toEqual(['A', 'B']);
      expect(titles((await run({ after_date: '2025-01-11' })).output)).toEqual(['B']);
      expect(titles((await run({ before_date: '2025-03-01' })).output)).toEqual(['A']);
      expect(
        titles((await run({ after_date: '2025-01-01T00:00:00Z', before_date: '2025-02-01' })).output),
      ).toEqual(['A']);
    });

    it('reads days_forward as a before_date counted from the run, and days_back as replacing after_date', async () => {
      const run = (config: Record<string, unknown>) =>
        runNode(nodeKit(), 'filter.by_play_history', config, { in: list() });
      expect(titles((await run({ days_forward: 0, before_date: '2025-01-01' })).output)).toEqual(['A', 'B']);
      expect(titles((await run({ days_back: 100, after_date: '2025-02-01' })).output)).toEqual(['B']);
    });

    it('refuses a date it cannot read, and a window no track can fall in', () => {
      expect(configProblems('filter.by_play_history', { after_date: 'last tuesday' })[0]).toMatchObject({
        path: ['after_date'],
        message: expect.stringContaining('must be a date'),
      });
      expect(
        configProblems('filter.by_play_history', { after_date: '2025-02-01', before_date: '2025-01-01' })[0],
      ).toMatchObject({ message: expect.stringContaining('after_date must be earlier than before_date') });
      expect(configProblems('filter.by_play_history', { after_date: '2025-02-01', days_forward: 3 })).toEqual(
        [],
      );
    });
  });
});

describe('sorters and the selector', () => {
  it('sorter.by_metric defaults to highest first, tracks lacking the metric last, ties in input order', async () => {
    const { output } = await runNode(
      nodeKit(),
      'sorter.by_metric',
      { metric_name: 'lastfm_user_playcount' },
      { in: abcd },
    );
    expect(titles(output)).toEqual(['C', 'A', 'D', 'B']);
  });

  it('sorter.by_metric warns plainly when sorting by Spotify popularity', async () => {
    const { output, warnings } = await runNode(
      nodeKit(),
      'sorter.by_metric',
      { metric_name: 'spotify_popularity' },
      { in: abcd },
    );
    expect(titles(output)).toEqual(['A', 'B', 'C', 'D']);
    expect(warnings?.[0]).toContain('no longer sends popularity');
  });

  it('sorter.by_release_date puts the newest first with reverse', async () => {
    const list = aTrackList([
      aTrack({ title: '2001', releaseDate: '2001' }),
      aTrack({ title: '2020', releaseDate: '2020-02' }),
    ]);
    const { output } = await runNode(nodeKit(), 'sorter.by_release_date', { reverse: true }, { in: list });
    expect(titles(output)).toEqual(['2020', '2001']);
  });

  it('selector.limit_tracks keeps the first 10 by default, and the tail with method last', async () => {
    const many = aTrackList(Array.from({ length: 12 }, (_, i) => aTrack({ title: `T${i}` })));
    expect((await runNode(nodeKit(), 'selector.limit_tracks', {}, { in: many })).output.tracks).toHaveLength(
      10,
    );
    expect(
      titles(
        (await runNode(nodeKit(), 'selector.limit_tracks', { count: 2, method: 'last' }, { in: many }))
          .output,
      ),
    ).toEqual(['T10', 'T11']);
  });

  it('selector.limit_tracks random repeats with the same seed and reports the seed it chose', async () => {
    const many = aTrackList(Array.from({ length: 30 }, (_, i) => aTrack({ title: `T${i}` })));
    const first = await runNode(
      nodeKit(),
      'selector.limit_tracks',
      { count: 5, method: 'random', seed: 7 },
      { in: many },
    );
    const again = await runNode(
      nodeKit(),
      'selector.limit_tracks',
      { count: 5, method: 'random', seed: 7 },
      { in: many },
    );
    const unseeded = await runNode(
      nodeKit(),
      'selector.limit_tracks',
      { count: 5, method: 'random' },
      { in: many },
    );
    expect(titles(first.output)).toEqual(titles(again.output));
    expect(typeof unseeded.details?.seed).toBe('number');
  });
});

describe('combiners', () => {
  const x = aTrackList([a!, b!]);
  const y = aTrackList([c!]);
  const z = aTrackList([d!]);

  it('merge_playlists joins sources in the listed order, not the upstream order', async () => {
    const { output } = await runNode(
      nodeKit(),
      'combiner.merge_playlists',
      { sources: ['y', 'x'] },
      { x, y },
    );
    expect(titles(output)).toEqual(['C', 'A', 'B']);
  });

  it('concatenate_playlists follows order, and without it the upstream order', async () => {
    expect(
      titles(
        (await runNode(nodeKit(), 'combiner.concatenate_playlists', { order: ['z', 'x'] }, { x, z })).output,
      ),
    ).toEqual(['D', 'A', 'B']);
    expect(titles((await runNode(nodeKit(), 'combiner.concatenate_playlists', {}, { x, z })).output)).toEqual(
      ['A', 'B', 'D'],
    );
  });

  it('interleave_playlists takes one from each source in turn', async () => {
    const { output } = await runNode(
      nodeKit(),
      'combiner.interleave_playlists',
      { sources: ['x', 'y', 'z'] },
      { x, y, z },
    );
    expect(titles(output)).toEqual(['A', 'C', 'D', 'B']);
  });
});

describe('config checks before the run', () => {
  it('names the key, what it must be and what it was', () => {
    expect(configProblems('selector.limit_tracks', { count: 'ten' })).toEqual([
      { path: ['count'], message: '"count" must be a number, got "ten"' },
    ]);
    expect(configProblems('selector.limit_tracks', { method: 'middle' })[0]?.message).toBe(
      '"method" must be one of "first", "last", "random", got "middle"',
    );
  });

  it('says a required key is missing and what it is for', () => {
    expect(configProblems('sorter.by_metric', {})).toEqual([
      {
        path: ['metric_name'],
        message: '"metric_name" is required',
        hint: expect.stringContaining('lastfm_user_playcount'),
      },
    ]);
  });

  it('finds contradictions the transforms would refuse, such as min above max', () => {
    expect(
      configProblems('filter.by_metric', { metric_name: 'm', min_value: 5, max_value: 1 })[0],
    ).toMatchObject({
      path: ['min_value'],
      message: expect.stringContaining('greater than max_value'),
    });
  });

  it('requires tasks named in the config to be upstream', () => {
    expect(configProblems('combiner.merge_playlists', { sources: ['a', 'ghost'] }, ['a'])).toEqual([
      expect.objectContaining({ path: ['sources', 1], message: expect.stringContaining('"ghost"') }),
    ]);
  });

  it('accepts keys of the original narada it does not need', () => {
    expect(
      configProblems('destination.update_playlist', {
        playlist_id: '37i9dQZF1DXcBWIGoYBM5M',
        operation_type: 'update_spotify',
        conflict_resolution: 'local_wins',
        preserve_order: true,
        batch_size: 50,
      }),
    ).toEqual([]);
  });

  it('refuses start_date and end_date in filter.by_play_history with what to use instead', () => {
    expect(
      configProblems('filter.by_play_history', { min_plays: 1, start_date: '2024-01-01' })[0],
    ).toMatchObject({
      path: ['start_date'],
      hint: expect.stringContaining('after_date'),
    });
  });
});

describe('older sorter types', () => {
  it('sorter.by_user_plays sorts by lastfm_user_playcount, highest first', async () => {
    const { output } = await runNode(
      nodeKit(),
      'sorter.by_user_plays',
      { reverse: true, min_confidence: 80 },
      { in: abcd },
    );
    expect(titles(output)).toEqual(['C', 'A', 'D', 'B']);
  });

  it('sorter.by_spotify_popularity keeps the order and says popularity is gone', async () => {
    const { output, warnings } = await runNode(
      nodeKit(),
      'sorter.by_spotify_popularity',
      { reverse: true },
      { in: abcd },
    );
    expect(titles(output)).toEqual(['A', 'B', 'C', 'D']);
    expect(warnings?.[0]).toContain('no longer sends popularity');
  });
});
