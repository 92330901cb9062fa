import { describe, expect, it } from '@jest/globals';
import { planPlaylistUpdate } from '../../../src/domain/playlist/playlist-diff.js';
import {
  reachedTarget,
  syncTarget,
  type CurrentItem,
} from '../../../src/domain/playlist/playlist-sync-target.js';

const track = (uri: string): CurrentItem => ({ uri, addedAt: 1, protected: false });
const kept = (uri: string | null): CurrentItem => ({ uri, addedAt: 1, protected: true });
const LOCAL = 'spotify:local:Me:Demo:Tape:90';

describe('what a playlist sync aims at', () => {
  it('leaves an item the target does not name at its index', () => {
    const sync = syncTarget([kept('spotify:episode:e'), track('a'), track('b')], ['b', 'a']);
    expect(sync.target).toEqual(['spotify:episode:e', 'b', 'a']);
    expect(sync.leftInPlace).toEqual([0]);
    expect(sync).toMatchObject({ itemsNow: 2, itemsAfter: 2 });
  });

  it('puts it at the end when the playlist gets shorter, and gives an entry without URI a placeholder', () => {
    const sync = syncTarget([track('a'), track('b'), track('c'), kept(null)], ['c']);
    expect(sync.target).toEqual(['c', 'narada:unavailable:3']);
    expect(planPlaylistUpdate(sync.entries, sync.target).counts).toMatchObject({ removed: 2, added: 0 });
  });

  it('places a protected item the target names where the target says', () => {
    const sync = syncTarget([kept('spotify:episode:e'), track('a')], ['a', 'spotify:episode:e']);
    expect(sync.target).toEqual(['a', 'spotify:episode:e']);
    expect(sync.leftInPlace).toEqual([]);
  });

  it('never plans to add a local file: absent ones are left out, surplus copies stay', () => {
    const absent = syncTarget([track('a')], ['a', LOCAL]);
    expect(absent).toMatchObject({ target: ['a'], localFilesLeftOut: 1 });

    const twice = syncTarget([kept(LOCAL), track('a'), kept(LOCAL)], ['a', LOCAL, LOCAL, LOCAL]);
    expect(twice.localFilesLeftOut).toBe(1);
    expect(planPlaylistUpdate(twice.entries, twice.target).counts).toMatchObject({ added: 0, removed: 0 });

    const once = syncTarget([kept(LOCAL), track('a'), kept(LOCAL)], [LOCAL, 'a']);
    expect(once.target).toEqual([LOCAL, 'a', LOCAL]);
    expect(planPlaylistUpdate(once.entries, once.target).counts).toMatchObject({ added: 0, removed: 0 });
  });

  it('judges a read-back by its URIs, entries without URI aside', () => {
    expect(reachedTarget(['a', 'b'], ['a', 'narada:unavailable:1', 'b'])).toBe(true);
    expect(reachedTarget(['b', 'a'], ['a', 'b'])).toBe(false);
    expect(reachedTarget(['a'], ['a', 'b'])).toBe(false);
  });
});
