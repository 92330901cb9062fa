import { describe, expect, it } from '@jest/globals';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';

describe('CallCounter', () => {
  it('counts calls per service and endpoint', () => {
    const calls = new CallCounter();
    calls.record('spotify', 'GET /me/tracks');
    calls.record('spotify', 'GET /me/tracks');
    calls.record('musicbrainz', 'GET /isrc/{isrc}');
    expect(calls.snapshot()).toEqual({ 'spotify GET /me/tracks': 2, 'musicbrainz GET /isrc/{isrc}': 1 });
  });

  it('totals all calls or one service’s', () => {
    const calls = new CallCounter();
    calls.record('spotify', 'GET /me');
    calls.record('lastfm', 'POST track.love');
    calls.record('lastfm', 'GET user.getRecentTracks');
    expect(calls.total()).toBe(3);
    expect(calls.total('lastfm')).toBe(2);
    expect(calls.total('musicbrainz')).toBe(0);
  });
});
