// Which Spotify item stands for each internal track in this run. Sources record the URIs they read,
// so a destination writes back exactly those items (two Spotify versions of one recording stay two);
// tracks that came from elsewhere fall back to their accepted Spotify mapping.
import type { TrackMappingRepository } from '../ports/track-mapping-repository.port.js';
import type { Track, TrackId } from '../../domain/track/track.js';

export class SpotifyLinks {
  private readonly byTrack = new Map<TrackId, string[]>();

  /** Notes that `trackId` was read as `uri`; a track read as several items keeps them in order. */
  record(trackId: TrackId, uri: string): void {
    const uris = this.byTrack.get(trackId);
    if (uris === undefined) this.byTrack.set(trackId, [uri]);
    else if (!uris.includes(uri)) uris.push(uri);
  }

  /**
   * One URI per entry of `tracks`, null for a track with no Spotify item. The k-th occurrence of a
   * track gets the k-th item it was read as, so duplicates of different versions survive a sort.
   */
  async urisFor(tracks: readonly Track[], mappings: TrackMappingRepository): Promise<(string | null)[]> {
    const missing = [...new Set(tracks.map((track) => track.id))].filter((id) => !this.byTrack.has(id));
    for (const trackId of missing) {
      const uri = await mappedUri(trackId, mappings);
      if (uri !== null) this.byTrack.set(trackId, [uri]);
    }
    const seen = new Map<TrackId, number>();
    return tracks.map((track) => {
      const uris = this.byTrack.get(track.id);
      if (uris === undefined) return null;
      const occurrence = seen.get(track.id) ?? 0;
      seen.set(track.id, occurrence + 1);
      return uris[occurrence] ?? uris[0]!;
    });
  }
}

/** `spotify:track:<id>` for the track's best accepted Spotify mapping, or a local file's own URI. */
async function mappedUri(trackId: TrackId, mappings: TrackMappingRepository): Promise<string | null> {
  const accepted = (await mappings.forTrack(trackId))
    .filter((mapping) => mapping.service === 'spotify' && mapping.status === 'accepted')
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.confidence - a.confidence);
  const best = accepted[0];
  if (best === undefined) return null;
  return best.externalId.startsWith('spotify:') ? best.externalId : `spotify:track:${best.externalId}`;
}
