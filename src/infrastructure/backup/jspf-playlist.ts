// Reads a JSPF playlist (https://xspf.org/jspf: ListenBrainz's, or one `narada playlist export` wrote)
// as a playlist to restore. Tracks are found by the Spotify link or URI among their identifiers and
// locations, else by their MusicBrainz recording and title; a damaged field is named before any write.
import { z } from 'zod';
import { fieldPath } from '../../domain/backup/parse-playlist-backup.js';
import type { RestoreItem, RestoreSource } from '../../domain/backup/restore-source.js';
import { InvalidInputError } from '../../domain/shared/errors.js';

const text = z.string().nullish();
const urls = z.union([z.string(), z.array(z.string())]).nullish();
const jspfTrack = z.looseObject({
  title: text,
  creator: text,
  album: text,
  duration: z.number().int().min(0).nullish(),
  identifier: urls,
  location: urls,
});
const jspfFile = z.looseObject({
  playlist: z.looseObject({
    title: text,
    annotation: text,
    identifier: text,
    track: z.array(jspfTrack),
  }),
});

const SPOTIFY_LINK = /^https?:\/\/open\.spotify\.com\/(?:intl-[a-z-]+\/)?(track|episode)\/([A-Za-z0-9]+)/;
const SPOTIFY_URI = /^spotify:(track|episode|local):\S+$/;
const MUSICBRAINZ_RECORDING = /^https?:\/\/musicbrainz\.org\/recording\/([0-9a-f-]{36})/i;

/** Whether a parsed JSON document is a JSPF playlist (`{ "playlist": { "track": [...] } }`). */
export function isJspf(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const playlist = (value as { playlist?: unknown }).playlist;
  return typeof playlist === 'object' && playlist !== null && 'track' in playlist;
}

export function jspfPlaylist(value: unknown, file: string, fallbackName: string): RestoreSource {
  const parsed = jspfFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError(
      'BACKUP.BAD_JSPF',
      `${file} looks like a JSPF playlist but cannot be read: ${fieldPath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}; nothing was restored`,
      { details: { file, field: fieldPath(issue.path) } },
    );
  }
  const { playlist } = parsed.data;
  const name = playlist.title?.trim() || fallbackName;
  return {
    origin: 'jspf',
    file,
    key: `restore:jspf:${playlist.identifier ?? name}`,
    name,
    description: playlist.annotation ?? null,
    isPublic: null,
    collaborative: false,
    items: playlist.track.map(restoreItem),
  };
}

function restoreItem(track: z.infer<typeof jspfTrack>, position: number): RestoreItem {
  const all = [...list(track.identifier), ...list(track.location)];
  const uri = all.map(spotifyUri).find((u) => u !== null) ?? null;
  const mbid = all.map((u) => MUSICBRAINZ_RECORDING.exec(u)?.[1] ?? null).find((m) => m !== null) ?? null;
  const title = track.title?.trim() || null;
  return {
    position,
    kind: uri?.startsWith('spotify:local:')
      ? 'local'
      : uri?.startsWith('spotify:episode:')
        ? 'episode'
        : uri === null && title === null && mbid === null
          ? 'unavailable'
          : 'track',
    uri,
    name: title,
    artists: track.creator?.trim() ? [track.creator.trim()] : [],
    album: track.album?.trim() || null,
    durationMs: track.duration ?? null,
    isrc: null,
    mbid: mbid?.toLowerCase() ?? null,
  };
}

function spotifyUri(url: string): string | null {
  const link = SPOTIFY_LINK.exec(url);
  if (link !== null) return `spotify:${link[1]}:${link[2]}`;
  return SPOTIFY_URI.test(url) ? url : null;
}

function list(value: string | string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
