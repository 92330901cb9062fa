// Property checks over seeded random playlists: every plan reaches the target exactly, keeps the
// added_at of every item it can, moves no more items than the lower bound, and fits Spotify's batches.
import { describe, it } from '@jest/globals';
import { planPlaylistUpdate } from '../../../src/domain/playlist/playlist-diff.js';
import { expectSoundPlan } from './playlist-diff-checks.js';
import { seededRandom } from '../../../src/domain/shared/seeded-random.js';
import { edited, entries, shuffled, uri, withRepeats } from './playlist-generators.js';

const range = (n: number): string[] => Array.from({ length: n }, (_, i) => uri(i));

describe('planPlaylistUpdate on seeded random playlists', () => {
  it('reorders 200 random permutations of up to 300 items with the fewest moves', () => {
    const random = seededRandom(1);
    for (let round = 0; round < 200; round++) {
      const uris = range(Math.floor(random() * 300));
      const current = entries(uris);
      const target = shuffled(uris, random);
      expectSoundPlan(current, target, planPlaylistUpdate(current, target));
    }
  });

  it('applies 200 random mixes of removes, adds and moves', () => {
    const random = seededRandom(2);
    for (let round = 0; round < 200; round++) {
      const uris = range(Math.floor(random() * 400));
      const shape = { removeShare: random() * 0.3, addShare: random() * 0.5, moveShare: random() * 0.2 };
      const current = entries(uris);
      const target = edited(uris, shape, random, 10_000);
      expectSoundPlan(current, target, planPlaylistUpdate(current, target));
    }
  });

  it('handles 300 random playlists where URIs repeat on both sides', () => {
    const random = seededRandom(3);
    for (let round = 0; round < 300; round++) {
      const pool = 1 + Math.floor(random() * 12);
      const current = entries(withRepeats(Math.floor(random() * 25), pool, random));
      const target = withRepeats(Math.floor(random() * 25), pool, random);
      expectSoundPlan(current, target, planPlaylistUpdate(current, target));
    }
  });

  it('handles small edits of long playlists (a few moves among 1,000 items)', () => {
    const random = seededRandom(4);
    for (let round = 0; round < 10; round++) {
      const uris = range(1000);
      const current = entries(uris);
      const target = edited(uris, { removeShare: 0.01, addShare: 0.02, moveShare: 0.01 }, random, 50_000);
      expectSoundPlan(current, target, planPlaylistUpdate(current, target));
    }
  });
});
