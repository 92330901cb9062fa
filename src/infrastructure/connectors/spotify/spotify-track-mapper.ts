// Pure mapping of Spotify track and episode objects to Narada's records; local files and
// unavailable tracks are recognised here so every caller treats them alike.
import type { SpotifyEpisode } from '../../../application/ports/spotify.port.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import { Isrc } from '../../../domain/values/isrc.js';
import { PartialDate } from '../../../domain/values/partial-date.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { WireEpisode, WireTrack } from './spotify-wire.js';

const LOCAL_URI_PREFIX = 'spotify:local:';

export function isLocalUri(uri: string | null | undefined): boolean {
  return typeof uri === 'string' && uri.startsWith(LOCAL_URI_PREFIX);
}

export interface LocalFileParts {
  readonly artist: string;
  readonly album: string;
  readonly title: string;
  readonly durationMs: number | null;
}

/** `spotify:local:Artist:Album:Title:215` with `+` for spaces and %-escapes; empty parts stay empty. */
export function parseLocalUri(uri: string): LocalFileParts {
  const decode = (part: string | undefined): string => {
    if (part === undefined) return '';
    try {
      return decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return part;
    }
  };
  const parts = uri.slice(LOCAL_URI_PREFIX.length).split(':');
  const seconds = Number(parts[3]);
  return {
    artist: decode(parts[0]),
    album: decode(parts[1]),
    title: decode(parts[2]),
    durationMs: parts[3] !== undefined && parts[3] !== '' && Number.isFinite(seconds) ? seconds * 1000 : null,
  };
}

/** Spotify's date-time text to epoch ms; its 1970-01-01 placeholder means "unknown". */
export function parseSpotifyInstant(text: string | null | undefined): EpochMs | null {
  if (typeof text !== 'string' || text === '') return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) || ms <= 0 ? null : ms;
}

/**
 * A catalogue track or a local file as a ConnectorTrack; `null` when the object is no playable
 * track at all (no id and not local: Spotify's shape for unavailable entries).
 */
export function mapTrack(wire: WireTrack, fetchedAt: EpochMs): ConnectorTrack | null {
  const local = wire.is_local === true || isLocalUri(wire.uri);
  if (local) return mapLocalTrack(wire, fetchedAt);
  if (typeof wire.id !== 'string' || wire.id === '') return null;
  const album = wire.album ?? null;
  const artistNames = names(wire.artists);
  return Object.freeze({
    service: 'spotify',
    externalId: wire.id,
    title: wire.name ?? '',
    artists: artistNames,
    album: nonEmpty(album?.name),
    durationMs: numberOrNull(wire.duration_ms),
    isrc: Isrc.tryParse(wire.external_ids?.isrc),
    releaseDate: PartialDate.tryParse(album?.release_date),
    attributes: Object.freeze({
      uri: wire.uri ?? `spotify:track:${wire.id}`,
      isLocal: false,
      explicit: wire.explicit ?? null,
      albumId: album?.id ?? null,
      albumType: album?.album_type ?? null,
      releaseDatePrecision: album?.release_date_precision ?? null,
      primaryArtistId: wire.artists?.[0]?.id ?? null,
      discNumber: numberOrNull(wire.disc_number),
      trackNumber: numberOrNull(wire.track_number),
    }),
    raw: wire,
    fetchedAt,
  } satisfies ConnectorTrack);
}

/** Local files have no id, ISRC or album id; what Spotify gives (or the URI holds) is kept. */
function mapLocalTrack(wire: WireTrack, fetchedAt: EpochMs): ConnectorTrack | null {
  const uri = wire.uri;
  if (typeof uri !== 'string' || !isLocalUri(uri)) return null;
  const fromUri = parseLocalUri(uri);
  const artistNames = names(wire.artists);
  return Object.freeze({
    service: 'spotify',
    externalId: uri,
    title: nonEmpty(wire.name) ?? fromUri.title,
    artists: artistNames.length > 0 ? artistNames : fromUri.artist === '' ? [] : [fromUri.artist],
    album: nonEmpty(wire.album?.name) ?? nonEmpty(fromUri.album),
    durationMs: positiveOrNull(wire.duration_ms) ?? fromUri.durationMs,
    isrc: null,
    releaseDate: null,
    attributes: Object.freeze({ uri, isLocal: true }),
    raw: wire,
    fetchedAt,
  } satisfies ConnectorTrack);
}

/** Podcast episodes in playlists: `type: "episode"`, or the pre-2026 `episode: true` flag. */
export function isEpisode(wire: WireTrack & WireEpisode): boolean {
  return wire.type === 'episode' || wire.episode === true || (wire.uri ?? '').startsWith('spotify:episode:');
}

export function mapEpisode(wire: WireEpisode): SpotifyEpisode | null {
  if (typeof wire.id !== 'string' || wire.id === '') return null;
  return Object.freeze({
    id: wire.id,
    title: wire.name ?? '',
    show: nonEmpty(wire.show?.name),
    durationMs: numberOrNull(wire.duration_ms),
    releaseDate: PartialDate.tryParse(wire.release_date),
  });
}

function names(artists: WireTrack['artists']): readonly string[] {
  return Object.freeze(
    (artists ?? []).map((artist) => artist.name ?? '').filter((name) => name.trim() !== ''),
  );
}

function nonEmpty(text: string | null | undefined): string | null {
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}

function numberOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function positiveOrNull(value: number | null | undefined): number | null {
  const n = numberOrNull(value);
  return n !== null && n > 0 ? n : null;
}
