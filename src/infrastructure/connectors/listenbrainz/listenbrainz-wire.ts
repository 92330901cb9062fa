// ListenBrainz's listen format, pure: the JSON a listen has in `POST /1/submit-listens` payloads and
// in the JSON-lines files its importer reads. `additional_info` carries only what is known; an MBID
// that is not a UUID is left out, since the server refuses a whole request over one.
import type { ExportedListen } from '../../../application/ports/listen-export-store.port.js';

/** The server's limit per submit-listens request (api_tools.MAX_LISTENS_PER_REQUEST). */
export const MAX_LISTENS_PER_REQUEST = 1000;

export interface ListenBrainzListen {
  readonly listened_at: number;
  readonly track_metadata: {
    readonly artist_name: string;
    readonly track_name: string;
    readonly release_name?: string;
    readonly additional_info: Readonly<Record<string, string | number>>;
  };
}

export interface SubmitListensPayload {
  readonly listen_type: 'import';
  readonly payload: readonly ListenBrainzListen[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toListenBrainzListen(listen: ExportedListen): ListenBrainzListen {
  const info: Record<string, string | number> = { submission_client: 'Narada' };
  if (listen.durationMs !== null) info.duration_ms = listen.durationMs;
  if (listen.isrc !== null) info.isrc = listen.isrc;
  if (listen.recordingMbid !== null && UUID.test(listen.recordingMbid))
    info.recording_mbid = listen.recordingMbid;
  // ListenBrainz documents spotify_id as the track's open.spotify.com URL.
  if (listen.spotifyId !== null) info.spotify_id = `https://open.spotify.com/track/${listen.spotifyId}`;
  if (listen.source === 'spotify_export') info.music_service = 'spotify.com';
  return {
    listened_at: Math.floor(listen.playedAt / 1000),
    track_metadata: {
      artist_name: listen.artist,
      track_name: listen.title,
      ...(listen.album === null || listen.album === '' ? {} : { release_name: listen.album }),
      additional_info: info,
    },
  };
}

export function submitImportPayload(listens: readonly ExportedListen[]): SubmitListensPayload {
  return { listen_type: 'import', payload: listens.map(toListenBrainzListen) };
}
