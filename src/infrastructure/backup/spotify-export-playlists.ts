// Reads the playlists of a Spotify account-data export (`Playlist1.json`): the 2026 shape with
// `trackUri` and `addedDate`, and the 2020 shape with names only, which are found again by search.
import { z } from 'zod';
import type { RestoreItem, RestoreSource } from '../../domain/backup/restore-source.js';
import { fieldPath } from '../../domain/backup/parse-playlist-backup.js';
import { InvalidInputError } from '../../domain/shared/errors.js';

const text = z.string().nullish();
const exportItem = z.looseObject({
  track: z.looseObject({ trackName: text, artistName: text, albumName: text, trackUri: text }).nullish(),
  episode: z.looseObject({ episodeName: text, showName: text, episodeUri: text }).nullish(),
  localTrack: z.looseObject({ uri: text }).nullish(),
  addedDate: text,
});
const exportPlaylist = z.looseObject({
  name: z.string(),
  description: text,
  lastModifiedDate: text,
  items: z.array(exportItem),
});
const exportFile = z.looseObject({ playlists: z.array(exportPlaylist) });

/** Whether a parsed JSON document looks like an account-data playlist export. */
export function isSpotifyPlaylistExport(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { playlists?: unknown }).playlists)
  );
}

export function spotifyExportPlaylists(value: unknown, file: string): RestoreSource[] {
  const parsed = exportFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined
        ? ''
        : `: ${fieldPath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`;
    throw new InvalidInputError(
      'BACKUP.BAD_EXPORT',
      `${file} looks like a Spotify playlist export but cannot be read${where}; nothing was restored`,
      { details: { file } },
    );
  }
  return parsed.data.playlists.map((playlist) => ({
    origin: 'spotify-export',
    file,
    key: `restore:spotify-export:${playlist.name}`,
    name: playlist.name,
    description: playlist.description ?? null,
    isPublic: null,
    collaborative: false,
    items: playlist.items.map(exportRestoreItem),
  }));
}

function exportRestoreItem(item: z.infer<typeof exportItem>, position: number): RestoreItem {
  const none = { isrc: null, mbid: null, durationMs: null };
  if (item.track) {
    const { trackName, artistName, albumName, trackUri } = item.track;
    return {
      position,
      kind: 'track',
      uri: trackUri ?? null,
      name: trackName ?? null,
      artists: artistName ? [artistName] : [],
      album: albumName ?? null,
      ...none,
    };
  }
  if (item.episode) {
    const { episodeName, showName, episodeUri } = item.episode;
    return {
      position,
      kind: 'episode',
      uri: episodeUri ?? null,
      name: episodeName ?? null,
      artists: showName ? [showName] : [],
      album: null,
      ...none,
    };
  }
  if (item.localTrack) {
    return {
      position,
      kind: 'local',
      uri: item.localTrack.uri ?? null,
      name: null,
      artists: [],
      album: null,
      ...none,
    };
  }
  return { position, kind: 'unavailable', uri: null, name: null, artists: [], album: null, ...none };
}
