// A service's own record of a track, kept with its raw metadata as received.
import type { ServiceName } from '../shared/service.js';
import type { Isrc } from '../values/isrc.js';
import type { PartialDate } from '../values/partial-date.js';
import type { EpochMs } from '../values/time.js';

export interface ConnectorTrack {
  readonly service: ServiceName;
  /**
   * The service's key: a Spotify track id (or `spotify:local:…` URI for local files), a MusicBrainz
   * recording MBID, or for Last.fm the normalised `artist\u001ftitle` pair (Last.fm has no stable id).
   */
  readonly externalId: string;
  readonly title: string;
  readonly artists: readonly string[];
  readonly album: string | null;
  readonly durationMs: number | null;
  readonly isrc: Isrc | null;
  readonly releaseDate: PartialDate | null;
  /** Service-specific facts worth keeping typed (e.g. `explicit`, `isLocal`, Last.fm `mbid`). */
  readonly attributes: Readonly<Record<string, string | number | boolean | null>>;
  /** The wire JSON the record was mapped from, unchanged. */
  readonly raw: unknown;
  readonly fetchedAt: EpochMs;
}

/** Last.fm has no track ids: its key is the artist and title as Last.fm spells them. */
export function lastfmTrackKey(artist: string, title: string): string {
  return `${artist.trim().toLowerCase()}\u001f${title.trim().toLowerCase()}`;
}

/** A Last.fm track (as loved, charted or as Last.fm spells it) as Last.fm's record of it. */
export function lastfmRecord(
  track: {
    readonly artist: string;
    readonly title: string;
    readonly mbid?: string | null;
    readonly durationMs?: number | null;
  },
  fetchedAt: EpochMs,
  raw: unknown = null,
): ConnectorTrack {
  return {
    service: 'lastfm',
    externalId: lastfmTrackKey(track.artist, track.title),
    title: track.title,
    artists: [track.artist],
    album: null,
    durationMs: track.durationMs ?? null,
    isrc: null,
    releaseDate: null,
    attributes: { mbid: track.mbid ?? null },
    raw,
    fetchedAt,
  };
}

/** One key per service record, `service:externalId`: how ingest results are looked up. */
export function connectorKey(service: ServiceName, externalId: string): string {
  return `${service}:${externalId}`;
}
