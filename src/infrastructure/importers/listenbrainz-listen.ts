// One ListenBrainz listen as exported (a line of `listens/YYYY/M.jsonl`, or of a plain JSONL file):
// `listened_at` (unix seconds, the start), `track_metadata.artist_name/track_name/release_name`.

export interface ListenBrainzListen {
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly playedAt: number;
}

/** Whether a parsed line looks like a ListenBrainz listen: how a JSONL file is recognised. */
export function looksLikeListenBrainzListen(value: unknown): boolean {
  return isObject(value) && 'listened_at' in value && isObject(value['track_metadata']);
}

/** The listen of a parsed line, or why the line is none. */
export function readListenBrainzListen(value: unknown): ListenBrainzListen | { readonly error: string } {
  if (!isObject(value)) return { error: 'not a JSON object' };
  const at = value['listened_at'];
  if (typeof at !== 'number' || !Number.isInteger(at) || at <= 0)
    return { error: `listened_at ${JSON.stringify(at)} is not unix seconds` };
  const meta = value['track_metadata'];
  if (!isObject(meta)) return { error: 'no track_metadata' };
  const artist = text(meta['artist_name']);
  const title = text(meta['track_name']);
  if (artist === null) return { error: 'track_metadata.artist_name is missing' };
  if (title === null) return { error: 'track_metadata.track_name is missing' };
  return { artist, title, album: text(meta['release_name']), playedAt: at * 1000 };
}

/** The user a ListenBrainz export's user.json names (`username`, or `user_name` in older dumps). */
export function listenBrainzUser(value: unknown): string | null {
  if (!isObject(value)) return null;
  return text(value['username']) ?? text(value['user_name']);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
