import { afterEach, describe, expect, it } from '@jest/globals';
import type { ScrobbleSubmission } from '../../../src/application/ports/lastfm.port.js';
import { startLastfmKit, type LastfmKit } from './lastfm-test-kit.js';

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);
const DAY = 86_400_000;

function listens(count: number, newest: number): ScrobbleSubmission[] {
  return Array.from({ length: count }, (_, i) => ({
    artist: 'Björk',
    title: `Song ${i}`,
    album: 'Post',
    durationMs: 200_000,
    playedAt: newest - i * 60_000,
  }));
}

describe('LastfmApiClient.scrobble against the fake Last.fm', () => {
  let kit: LastfmKit;
  afterEach(() => kit.fake.close());

  it('sends 51 scrobbles as a batch of 50 and a batch of 1, and reports every one accepted', async () => {
    kit = await startLastfmKit({ sessionFor: 'listener', fake: { now: () => NOW } });
    const report = await kit.client.scrobble(listens(51, NOW - DAY));

    const calls = kit.fake.calls('track.scrobble');
    expect(calls.map((c) => Object.keys(c.params).filter((k) => k.startsWith('artist[')).length)).toEqual([
      50, 1,
    ]);
    expect(calls.every((c) => c.httpMethod === 'POST' && c.status === 200)).toBe(true);
    expect(calls[0]!.params).toMatchObject({
      'artist[49]': 'Björk',
      'album[0]': 'Post',
      'duration[0]': '200',
    });
    expect(report.accepted).toBe(51);
    expect(report.ignored).toBe(0);
    expect(report.outcomes.map((o) => o.title)).toEqual(listens(51, 0).map((l) => l.title));
    expect(kit.fake.state.findUser('listener')!.scrobbles).toHaveLength(51);
  });

  it('reports scrobbles older than 14 days as ignored with code 3', async () => {
    kit = await startLastfmKit({ sessionFor: 'listener', fake: { now: () => NOW } });
    const report = await kit.client.scrobble([
      { artist: 'A', title: 'Recent', playedAt: NOW - DAY },
      { artist: 'A', title: 'Ancient', playedAt: NOW - 15 * DAY },
    ]);
    expect(report).toMatchObject({ accepted: 1, ignored: 1 });
    expect(report.outcomes.map((o) => [o.title, o.accepted, o.ignoredCode])).toEqual([
      ['Recent', true, 0],
      ['Ancient', false, 3],
    ]);
  });

  it('makes no call for nothing to scrobble', async () => {
    kit = await startLastfmKit({ sessionFor: 'listener' });
    expect(await kit.client.scrobble([])).toEqual({ accepted: 0, ignored: 0, outcomes: [] });
    expect(kit.fake.calls()).toHaveLength(0);
  });
});
