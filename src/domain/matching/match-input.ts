// What the matcher compares: a track's names, duration and keys, and its prepared form (normalised once per
// record, so that scoring many pairs does no text work twice).
import { Isrc } from '../values/isrc.js';
import { Mbid } from '../values/mbid.js';
import { parseArtistCredit, type ArtistCredit } from './artist-credit.js';
import { foldText, formOfFolded, type NameForm } from './normalize.js';
import { parseTitle, type TitleParts } from './title-parts.js';
import { versionProfile, type VersionProfile } from './version-compare.js';
import { albumSaysLive, classifyVersionText } from './version-tags.js';

export interface MatchInput {
  /** Credited artists in credit order; a single string may hold several ("A feat. B", "A & B"). */
  readonly artists: readonly string[];
  readonly title: string;
  readonly album?: string | null;
  readonly durationMs?: number | null;
  readonly isrc?: string | null;
  readonly spotifyId?: string | null;
  /** MusicBrainz recording MBID. */
  readonly mbid?: string | null;
}

export interface PreparedMatchInput {
  readonly input: MatchInput;
  readonly artist: ArtistCredit;
  readonly title: TitleParts;
  readonly versions: VersionProfile;
  /** Album name without edition words ("Deluxe", "2011 Remaster"); null when unknown. */
  readonly album: NameForm | null;
  readonly durationMs: number | null;
  readonly isrc: string | null;
  readonly spotifyId: string | null;
  readonly mbid: string | null;
}

const BRACKETED = /[([{]([^()[\]{}]*)[)\]}]/g;
const DASH_SEPARATOR = /\s+[-–—]\s+/;
const HAS_PARTS = /[([{]|\s[-–—]\s/;

/** The album's name with edition tags removed, so "Rumours (Super Deluxe)" meets "Rumours". */
function albumForm(album: string): NameForm {
  const folded = foldText(album);
  if (!HAS_PARTS.test(folded)) return formOfFolded(folded);
  const kept = folded.replace(BRACKETED, (match, inner: string) =>
    classifyVersionText(inner) ? ' ' : match,
  );
  const [head = '', ...dashed] = kept.split(DASH_SEPARATOR);
  const tail = dashed.filter((part) => classifyVersionText(part) === null);
  return formOfFolded([head, ...tail].join(' '));
}

function presentText(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value.trim();
}

export function prepareMatchInput(input: MatchInput): PreparedMatchInput {
  const title = parseTitle(input.title);
  const album = presentText(input.album);
  const duration = input.durationMs;
  return Object.freeze({
    input,
    artist: parseArtistCredit(input.artists, title.featured),
    title,
    versions: versionProfile(title.tags, album !== null && albumSaysLive(album)),
    album: album === null ? null : albumForm(album),
    durationMs: duration != null && Number.isFinite(duration) && duration > 0 ? duration : null,
    isrc: Isrc.tryParse(input.isrc)?.value ?? null,
    spotifyId: presentText(input.spotifyId),
    mbid: Mbid.tryParse(input.mbid)?.value ?? null,
  });
}
