// Deterministic ids and times for the builders: a counter (Jest loads modules afresh for each test
// file, so every file starts at 1) and fixed instants, never the clock.
import type { ServiceName } from '../../src/domain/shared/service.js';
import { lastfmTrackKey } from '../../src/domain/track/connector-track.js';

/** 2024-01-01T00:00:00Z: when every built record was created, unless overridden. */
export const BUILT_AT = 1_704_067_200_000;

let counter = 0;

export function nextId(): number {
  counter += 1;
  return counter;
}

/** For tests that compare ids across cases: start counting from 1 again. */
export function resetBuilderIds(): void {
  counter = 0;
}

/** A valid 22-character base-62 Spotify id, distinct for each `n`. */
export function spotifyIdFor(n: number): string {
  return `nrd${String(n).padStart(19, '0')}`;
}

/** A valid ISRC (`QZ` is a real prefix for self-registrants), distinct for each `n` < 100000. */
export function isrcFor(n: number): string {
  return `QZNRD24${String(n).padStart(5, '0')}`;
}

/** A valid lower-case MBID, distinct for each `n`. */
export function mbidFor(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The key each service uses for record `n` (Last.fm: its artist/title pair). */
export function externalIdFor(service: ServiceName, n: number): string {
  if (service === 'spotify') return spotifyIdFor(n);
  if (service === 'musicbrainz') return mbidFor(n);
  return lastfmTrackKey(`Artist ${n}`, `Track ${n}`);
}
