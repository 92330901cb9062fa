// What the matcher compares: a track's names, duration and keys, and its prepared form (normalised once per
// record, so that scoring many pairs does no text work twice).
import { Isrc } from '../values/isrc.js';
import { Mbid } from '../values/mbid.js';
import { parseArtistCredit, type ArtistCredit } from './artist-credit.js';
import { foldText, formOfFolded, type NameForm } from './normalize.js';
import { parseTitle, type TitleParts } from './title-parts.js';
import { versionProfile, type VersionProfile } from './version-compare.js';
import { classifyVersionText, foldedAlbumSaysLive } from './version-tags.js';

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
  /** The duration in seconds with one decimal, as evidence shows it ("354.0"); null when unknown. */
  readonly durationText: string | null;
  readonly isrc: string | null;
  readonly spotifyId: string | null;
  readonly mbid: string | null;
}

const BRACKETED = /[([{]([^()[\]{}]*)[)\]}]/g;
const DASH_SEPARATOR = /\s+[-–—]\s+/;
const HAS_PARTS = /[([{]|\s[-–—]\s/;

/** The album's name (folded) with edition tags removed, so "Rumours (Super Deluxe)" meets "Rumours". */
function albumForm(folded: string): NameForm {
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

/**
 * The prepared form. Artist, title and keys are prepared at once (the candidate index reads them); the
 * album and the version profile only when the scorer first asks, so a library indexed for resolution
 * spends nothing on the albums of tracks that never become a candidate. Both are pure functions of the
 * input, so when they are computed changes no answer.
 */
class PreparedTrack implements PreparedMatchInput {
  readonly artist: ArtistCredit;
  readonly title: TitleParts;
  readonly durationMs: number | null;
  readonly isrc: string | null;
  readonly spotifyId: string | null;
  readonly mbid: string | null;
  readonly #albumText: string | null;
  #albumFolded: string | null | undefined = undefined;
  #album: NameForm | null | undefined = undefined;
  #versions: VersionProfile | undefined = undefined;
  #durationText: string | null | undefined = undefined;

  constructor(readonly input: MatchInput) {
    this.title = parseTitle(input.title);
    this.artist = parseArtistCredit(input.artists, this.title.featured);
    this.#albumText = presentText(input.album);
    const duration = input.durationMs;
    this.durationMs = duration != null && Number.isFinite(duration) && duration > 0 ? duration : null;
    this.isrc = Isrc.tryParse(input.isrc)?.value ?? null;
    this.spotifyId = presentText(input.spotifyId);
    this.mbid = Mbid.tryParse(input.mbid)?.value ?? null;
    // Frozen like every prepared value; the private memo fields above are not properties, so the lazy
    // parts can still be filled in once.
    Object.freeze(this);
  }

  get album(): NameForm | null {
    if (this.#album === undefined) {
      const folded = this.#foldedAlbum();
      this.#album = folded === null ? null : albumForm(folded);
    }
    return this.#album;
  }

  // A track meets many candidates: its duration is formatted once, not once per pair.
  get durationText(): string | null {
    if (this.#durationText === undefined) {
      this.#durationText = this.durationMs === null ? null : (this.durationMs / 1000).toFixed(1);
    }
    return this.#durationText;
  }

  get versions(): VersionProfile {
    if (this.#versions === undefined) {
      const folded = this.#foldedAlbum();
      this.#versions = versionProfile(this.title.tags, folded !== null && foldedAlbumSaysLive(folded));
    }
    return this.#versions;
  }

  /** The album folded once for both its form and the live-album test. */
  #foldedAlbum(): string | null {
    if (this.#albumFolded === undefined) {
      this.#albumFolded = this.#albumText === null ? null : foldText(this.#albumText);
    }
    return this.#albumFolded;
  }
}

export function prepareMatchInput(input: MatchInput): PreparedMatchInput {
  return new PreparedTrack(input);
}
