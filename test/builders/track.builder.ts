// aTrack(): a valid internal track with sensible defaults; value objects may be given as text.
import { Track, type TrackProps } from '../../src/domain/track/track.js';
import { Isrc } from '../../src/domain/values/isrc.js';
import { Mbid } from '../../src/domain/values/mbid.js';
import { PartialDate } from '../../src/domain/values/partial-date.js';
import { BUILT_AT, isrcFor, nextId } from './ids.js';

export type TrackOverrides = Partial<Omit<TrackProps, 'isrc' | 'mbid' | 'releaseDate'>> & {
  readonly isrc?: Isrc | string | null;
  readonly mbid?: Mbid | string | null;
  readonly releaseDate?: PartialDate | string | null;
};

/**
 * Track `n` is "Track n" by "Artist n" on "Album n", released 2020-06-15, with a unique ISRC, no MBID,
 * provisional, from Spotify. `status: 'merged'` alone points it at a fresh id.
 */
export function aTrack(overrides: TrackOverrides = {}): Track {
  const { isrc, mbid, releaseDate, ...props } = overrides;
  const id = props.id ?? nextId();
  return new Track({
    id,
    title: `Track ${id}`,
    artists: [`Artist ${id}`],
    album: `Album ${id}`,
    durationMs: 210_000,
    status: 'provisional',
    confidence: 60,
    source: 'spotify',
    mergedInto: props.status === 'merged' ? nextId() : null,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    ...props,
    releaseDate: valueOrParse(releaseDate, PartialDate.parse, '2020-06-15'),
    isrc: valueOrParse(isrc, Isrc.parse, isrcFor(id)),
    mbid: valueOrParse(mbid, Mbid.parse, null),
  });
}

/** `undefined` takes the default; text is parsed; a value object or `null` is used as given. */
export function valueOrParse<T>(
  given: T | string | null | undefined,
  parse: (text: string) => T,
  fallback: string | null,
): T | null {
  const value = given === undefined ? fallback : given;
  return typeof value === 'string' ? parse(value) : value;
}
