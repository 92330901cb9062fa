// The local record of a Spotify playlist, saved on each backup so `narada playlist list` and
// workflows know it: its facts and its tracks (as internal tracks) in order.
import type { SpotifyPlaylist } from '../ports/spotify.port.js';
import type { PlaylistDraft, PlaylistItem } from '../../domain/playlist/playlist.js';
import type { Track } from '../../domain/track/track.js';
import type { EpochMs } from '../../domain/values/time.js';
import { connectorKey } from '../../domain/track/connector-track.js';

/** Episodes and unavailable entries have no internal track, so the copy holds the tracks only, renumbered. */
export function localPlaylistCopy(
  playlist: SpotifyPlaylist,
  tracks: ReadonlyMap<string, Track>,
  at: EpochMs,
): PlaylistDraft {
  const items: PlaylistItem[] = [];
  for (const entry of playlist.entries) {
    if (entry.kind !== 'track' && entry.kind !== 'local') continue;
    const track = tracks.get(connectorKey('spotify', entry.track.externalId));
    if (track === undefined) continue;
    items.push({ position: items.length, trackId: track.id, addedAt: entry.addedAt, addedBy: entry.addedBy });
  }
  return {
    service: 'spotify',
    externalId: playlist.id,
    name: playlist.name,
    description: playlist.description,
    owner: playlist.ownerId,
    isPublic: playlist.isPublic,
    collaborative: playlist.collaborative,
    snapshotId: playlist.snapshotId,
    items,
    updatedAt: at,
  };
}

/** MusicBrainz recording ids of the ingested Spotify records, by Spotify external id. */
export function resolvedMbids(tracks: ReadonlyMap<string, Track>): Map<string, string> {
  const mbids = new Map<string, string>();
  const prefix = connectorKey('spotify', '');
  for (const [key, track] of tracks) {
    if (track.mbid !== null && key.startsWith(prefix)) mbids.set(key.slice(prefix.length), track.mbid.value);
  }
  return mbids;
}
