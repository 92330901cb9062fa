// aConnectorTrack(): one service's record of a track, keyed the way that service keys it.
import type { ConnectorTrack } from '../../src/domain/track/connector-track.js';
import { lastfmTrackKey } from '../../src/domain/track/connector-track.js';
import { Isrc } from '../../src/domain/values/isrc.js';
import { PartialDate } from '../../src/domain/values/partial-date.js';
import { BUILT_AT, externalIdFor, isrcFor, nextId } from './ids.js';
import { valueOrParse } from './track.builder.js';

export type ConnectorTrackOverrides = Partial<Omit<ConnectorTrack, 'isrc' | 'releaseDate'>> & {
  readonly isrc?: Isrc | string | null;
  readonly releaseDate?: PartialDate | string | null;
};

/**
 * Spotify by default, with an ISRC and a release date; Last.fm and MusicBrainz records have neither
 * unless given. A Last.fm record's key follows its (possibly overridden) artist and title.
 */
export function aConnectorTrack(overrides: ConnectorTrackOverrides = {}): ConnectorTrack {
  const { isrc, releaseDate, ...props } = overrides;
  const n = nextId();
  const service = props.service ?? 'spotify';
  const title = props.title ?? `Track ${n}`;
  const artists = props.artists ?? [`Artist ${n}`];
  const isSpotify = service === 'spotify';
  return Object.freeze({
    service,
    externalId: service === 'lastfm' ? lastfmTrackKey(artists[0] ?? '', title) : externalIdFor(service, n),
    title,
    artists,
    album: `Album ${n}`,
    durationMs: 210_000,
    attributes: {},
    raw: {},
    fetchedAt: BUILT_AT,
    ...props,
    isrc: valueOrParse(isrc, Isrc.parse, isSpotify ? isrcFor(n) : null),
    releaseDate: valueOrParse(releaseDate, PartialDate.parse, isSpotify ? '2020-06-15' : null),
  });
}
