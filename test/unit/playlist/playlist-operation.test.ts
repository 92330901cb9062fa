import { describe, expect, it } from '@jest/globals';
import {
  applyPlaylistOperations,
  type PlaylistOperation,
} from '../../../src/domain/playlist/playlist-operation.js';
import { entries, uri } from './playlist-generators.js';

const ten = Array.from({ length: 10 }, (_, i) => uri(i));
const apply = (uris: readonly string[], operations: PlaylistOperation[]): string[] =>
  applyPlaylistOperations(entries(uris), operations, 0).map((entry) => entry.uri);

describe('applyPlaylistOperations (Spotify semantics)', () => {
  it('moves the first of 10 to the end with range_start=0, insert_before=10', () => {
    const result = apply(ten, [{ kind: 'move', rangeStart: 0, rangeLength: 1, insertBefore: 10 }]);
    expect(result).toEqual([...ten.slice(1), ten[0]]);
  });

  it('moves the last of 10 to the start with range_start=9, insert_before=0', () => {
    const result = apply(ten, [{ kind: 'move', rangeStart: 9, rangeLength: 1, insertBefore: 0 }]);
    expect(result).toEqual([ten[9], ...ten.slice(0, 9)]);
  });

  it('moves items 9–10 to the start with range_start=8, range_length=2, insert_before=0', () => {
    const result = apply(ten, [{ kind: 'move', rangeStart: 8, rangeLength: 2, insertBefore: 0 }]);
    expect(result).toEqual([ten[8], ten[9], ...ten.slice(0, 8)]);
  });

  it('counts insert_before in the playlist before the move when moving forward', () => {
    const result = apply(ten, [{ kind: 'move', rangeStart: 1, rangeLength: 2, insertBefore: 5 }]);
    expect(result).toEqual([ten[0], ten[3], ten[4], ten[1], ten[2], ...ten.slice(5)]);
  });

  it('removes every occurrence of a URI', () => {
    const result = apply([uri(1), uri(2), uri(1), uri(3)], [{ kind: 'remove', uris: [uri(1)] }]);
    expect(result).toEqual([uri(2), uri(3)]);
  });

  it('inserts added URIs in order before the given position and stamps them with the given time', () => {
    const current = entries([uri(1), uri(2)]);
    const result = applyPlaylistOperations(
      current,
      [{ kind: 'add', uris: [uri(8), uri(9)], position: 1 }],
      77,
    );
    expect(result.map((entry) => entry.uri)).toEqual([uri(1), uri(8), uri(9), uri(2)]);
    expect(result[0]).toBe(current[0]);
    expect(result[1]!.addedAt).toBe(77);
  });

  it('replaces the whole playlist, so no entry survives', () => {
    const current = entries([uri(1), uri(2)]);
    const result = applyPlaylistOperations(current, [{ kind: 'replace', uris: [uri(1)] }], 5);
    expect(result).toEqual([{ uri: uri(1), addedAt: 5 }]);
    expect(result[0]).not.toBe(current[0]);
  });

  it.each<[string, PlaylistOperation]>([
    ['an add of 101 URIs', { kind: 'add', uris: Array.from({ length: 101 }, (_, i) => uri(i)), position: 0 }],
    ['an empty remove', { kind: 'remove', uris: [] }],
    ['an add past the end', { kind: 'add', uris: [uri(1)], position: 11 }],
    ['a range past the end', { kind: 'move', rangeStart: 9, rangeLength: 2, insertBefore: 0 }],
    ['an insert point inside the range', { kind: 'move', rangeStart: 2, rangeLength: 3, insertBefore: 3 }],
    ['a range longer than 100', { kind: 'move', rangeStart: 0, rangeLength: 101, insertBefore: 0 }],
  ])('refuses %s as Spotify would', (_name, operation) => {
    expect(() => apply(ten, [operation])).toThrow(RangeError);
  });
});
