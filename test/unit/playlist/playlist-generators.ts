// Seeded data for the playlist-diff tests: playlists of URIs and random edits of them.
import type { PlaylistEntry } from '../../../src/domain/playlist/playlist-operation.js';

export function uri(n: number): string {
  return `spotify:track:t${n}`;
}

/** Entries with distinct, recognisable added_at values (1000 + position). */
export function entries(uris: readonly string[]): PlaylistEntry[] {
  return uris.map((u, i) => ({ uri: u, addedAt: 1000 + i }));
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export interface EditShape {
  readonly removeShare: number;
  readonly addShare: number;
  readonly moveShare: number;
}

/** Drops, inserts and relocates a share of the items; new URIs are numbered from `nextId`. */
export function edited(
  uris: readonly string[],
  shape: EditShape,
  random: () => number,
  nextId: number,
): string[] {
  const result = uris.filter(() => random() >= shape.removeShare);
  const moves = Math.round(result.length * shape.moveShare);
  for (let i = 0; i < moves && result.length > 1; i++) {
    const [item] = result.splice(Math.floor(random() * result.length), 1);
    result.splice(Math.floor(random() * (result.length + 1)), 0, item!);
  }
  const adds = Math.round(uris.length * shape.addShare);
  for (let i = 0; i < adds; i++) {
    result.splice(Math.floor(random() * (result.length + 1)), 0, uri(nextId + i));
  }
  return result;
}

/** A playlist drawn from a small pool, so URIs repeat. */
export function withRepeats(length: number, pool: number, random: () => number): string[] {
  return Array.from({ length }, () => uri(Math.floor(random() * pool)));
}
