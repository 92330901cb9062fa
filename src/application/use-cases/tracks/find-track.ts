// A track named by a person: its id, a service record it is linked to (Spotify link or URI, MusicBrainz
// recording link or MBID), or words searched over the local library.
import type { IdentityLookup } from '../../ports/identity-lookup.port.js';
import type { TrackSearch } from '../../ports/identity-track-search.port.js';
import type { TrackRepository } from '../../ports/track-repository.port.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { Track } from '../../../domain/track/track.js';
import { Mbid } from '../../../domain/values/mbid.js';
import { SpotifyRef } from '../../../domain/values/spotify-ref.js';
import { pickAcceptedMapping } from '../../tracks/mapping-choice.js';

export interface FoundTracks {
  /** The track meant (the best hit of a search). */
  readonly track: Track;
  /** Other search hits, best first; empty for an id or a service link. */
  readonly others: readonly Track[];
}

export interface FindTrackDeps {
  readonly tracks: TrackRepository;
  readonly lookup: IdentityLookup;
  readonly search: TrackSearch;
}

const SEARCH_HITS = 6;

export async function findTrack(deps: FindTrackDeps, query: string): Promise<FoundTracks> {
  const text = query.trim();
  if (/^\d+$/.test(text)) {
    const track = await deps.tracks.findById(Number(text));
    if (track === null) throw notFound(query);
    return { track, others: [] };
  }
  const linked = await byServiceRecord(deps, text);
  if (linked !== undefined) {
    if (linked === null) throw notFound(query);
    return { track: linked, others: [] };
  }
  const [track, ...others] = await deps.search.search(text, SEARCH_HITS);
  if (track === undefined) throw notFound(query);
  return { track, others };
}

/** undefined: the text names no service record; null: it does, but no track is linked to it. */
async function byServiceRecord(deps: FindTrackDeps, text: string): Promise<Track | null | undefined> {
  const spotify = /spotify/i.test(text) ? SpotifyRef.tryParse(text, 'track') : null;
  const mbid = spotify === null ? Mbid.tryParse(text) : null;
  if (spotify === null && mbid === null) return undefined;
  const ref =
    spotify !== null
      ? { service: 'spotify' as const, externalId: spotify.id }
      : { service: 'musicbrainz' as const, externalId: mbid!.value };
  const mapping = pickAcceptedMapping(await deps.lookup.acceptedMappings([ref]));
  if (mapping !== null) return deps.tracks.findById(mapping.trackId);
  if (mbid !== null) return (await deps.lookup.tracksByMbid([mbid.value]))[0] ?? null;
  return null;
}

function notFound(query: string): InvalidInputError {
  return new InvalidInputError(
    'IDENTITY.NO_SUCH_TRACK',
    `No track matches "${query}"; give a track id, a Spotify or MusicBrainz link, or words from its title and artist`,
  );
}
