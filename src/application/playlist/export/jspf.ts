// A playlist as JSPF (https://xspf.org/jspf), shaped as ListenBrainz reads and writes it: track
// `identifier` is a list of URLs (the Spotify link, and the MusicBrainz recording when Narada knows it),
// `duration` in milliseconds. The identifiers are shared with the XSPF writer.
import type { BackupItem, PlaylistBackup } from '../../../domain/backup/playlist-backup.js';

export const MUSICBRAINZ_RECORDING_URL = 'https://musicbrainz.org/recording/';
export const SPOTIFY_OPEN_URL = 'https://open.spotify.com/';

export interface JspfTrack {
  readonly title?: string;
  readonly creator?: string;
  readonly album?: string;
  readonly duration?: number;
  readonly identifier: string[];
  readonly location?: string[];
}

export interface JspfDocument {
  readonly playlist: {
    readonly title: string;
    readonly creator: string;
    readonly annotation?: string;
    readonly identifier: string;
    readonly date: string;
    readonly track: JspfTrack[];
  };
}

export function jspf(backup: PlaylistBackup): string {
  return `${JSON.stringify(jspfDocument(backup), null, 2)}\n`;
}

export function jspfDocument(backup: PlaylistBackup): JspfDocument {
  const { playlist } = backup;
  return {
    playlist: {
      title: playlist.name,
      creator: playlist.owner.name ?? playlist.owner.id,
      ...(playlist.description === null || playlist.description === ''
        ? {}
        : { annotation: playlist.description }),
      identifier: `${SPOTIFY_OPEN_URL}playlist/${playlist.id}`,
      date: backup.backedUpAt,
      track: backup.items.map(jspfTrack),
    },
  };
}

export function jspfTrack(item: BackupItem): JspfTrack {
  return {
    ...(item.name === null ? {} : { title: item.name }),
    ...(item.artists.length === 0 ? {} : { creator: item.artists.join(', ') }),
    ...(item.album?.name == null ? {} : { album: item.album.name }),
    ...(item.durationMs === null ? {} : { duration: item.durationMs }),
    identifier: trackIdentifiers(item),
    // A local file has no link; its Spotify URI is where Spotify's own apps find it.
    ...(item.kind === 'local' && item.uri !== null ? { location: [item.uri] } : {}),
  };
}

/** `spotify:track:ID` → `https://open.spotify.com/track/ID`; local files have no link. */
export function spotifyUrl(uri: string | null): string | null {
  const match = /^spotify:(track|episode):([A-Za-z0-9]+)$/.exec(uri ?? '');
  return match === null ? null : `${SPOTIFY_OPEN_URL}${match[1]}/${match[2]}`;
}

function trackIdentifiers(item: BackupItem): string[] {
  const url = spotifyUrl(item.uri);
  return [
    ...(url === null ? [] : [url]),
    ...(item.mbid === null ? [] : [`${MUSICBRAINZ_RECORDING_URL}${item.mbid}`]),
  ];
}
