import { describe, expect, it } from '@jest/globals';
import {
  combineScrobbleReports,
  mapScrobbleResponse,
  scrobbleBatchParams,
} from '../../../src/infrastructure/connectors/lastfm/lastfm-scrobble-mapper.js';
import { lastfmFixture } from './lastfm-fixtures.js';

describe('mapScrobbleResponse', () => {
  it('reads a single accepted scrobble sent as an object', () => {
    expect(mapScrobbleResponse(lastfmFixture('track.scrobble-single-accepted.json'))).toEqual({
      accepted: 1,
      ignored: 0,
      outcomes: [
        {
          artist: '65daysofstatic',
          title: 'Hole',
          album: 'The Fall of Math',
          playedAt: 1506168000000,
          accepted: true,
          ignoredCode: 0,
          ignoredMessage: null,
          corrected: false,
        },
      ],
    });
  });

  it('reads an accepted batch sent as an array, in order, with non-Latin names', () => {
    const report = mapScrobbleResponse(lastfmFixture('track.scrobble-batch-accepted.json'));
    expect(report.accepted).toBe(2);
    expect(report.outcomes.map((o) => [o.artist, o.title, o.accepted])).toEqual([
      ['65daysofstatic', 'Hole', true],
      ['やくしまるえつこ', 'X次元へようこそ', true],
    ]);
  });

  it('reads an ignored scrobble with its code and message', () => {
    const report = mapScrobbleResponse(lastfmFixture('track.scrobble-ignored.json'));
    expect(report).toMatchObject({ accepted: 0, ignored: 1 });
    expect(report.outcomes[0]).toMatchObject({
      artist: 'Various',
      album: null,
      accepted: false,
      ignoredCode: 1,
      ignoredMessage: 'Artist name failed filter: Various',
    });
  });

  it('marks a scrobble whose artist or title Last.fm corrected', () => {
    const body = lastfmFixture('track.scrobble-single-accepted.json') as {
      scrobbles: { scrobble: Record<string, unknown> };
    };
    const corrected = {
      scrobbles: {
        scrobble: { ...body.scrobbles.scrobble, artist: { '#text': 'The Beatles', corrected: '1' } },
      },
    };
    expect(mapScrobbleResponse(corrected).outcomes[0]).toMatchObject({
      artist: 'The Beatles',
      corrected: true,
    });
  });
});

describe('scrobbleBatchParams', () => {
  it('writes artist[i], track[i] and timestamp[i] in unix seconds, with optional album, duration and mbid', () => {
    const params = scrobbleBatchParams([
      { artist: 'Björk', title: 'Hyperballad', playedAt: 1506175200999, album: 'Post', durationMs: 321_400 },
      { artist: 'Rubies', title: 'Stand in a Line', playedAt: 1506182400000, album: null, mbid: 'abc' },
    ]);
    expect(params).toEqual({
      'artist[0]': 'Björk',
      'track[0]': 'Hyperballad',
      'timestamp[0]': '1506175200',
      'album[0]': 'Post',
      'duration[0]': '321',
      'artist[1]': 'Rubies',
      'track[1]': 'Stand in a Line',
      'timestamp[1]': '1506182400',
      'mbid[1]': 'abc',
    });
  });

  it('refuses more than 50 items in one batch', () => {
    const items = Array.from({ length: 51 }, (_, i) => ({ artist: 'A', title: `T${i}`, playedAt: i * 1000 }));
    expect(() => scrobbleBatchParams(items)).toThrow(/1–50 items, got 51/);
    expect(Object.keys(scrobbleBatchParams(items.slice(0, 50)))).toHaveLength(150);
  });
});

describe('combineScrobbleReports', () => {
  it('adds the counts and keeps outcomes in batch order', () => {
    const one = mapScrobbleResponse(lastfmFixture('track.scrobble-batch-accepted.json'));
    const two = mapScrobbleResponse(lastfmFixture('track.scrobble-ignored.json'));
    const both = combineScrobbleReports([one, two]);
    expect(both).toMatchObject({ accepted: 2, ignored: 1 });
    expect(both.outcomes.map((o) => o.artist)).toEqual(['65daysofstatic', 'やくしまるえつこ', 'Various']);
  });
});
