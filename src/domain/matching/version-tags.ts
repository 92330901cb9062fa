// Version tags ("Remastered 2011", "Live at Reading", "Radio Edit") classified by whether they name the same
// recording (remaster, album version) or a different one (live, remix, acoustic, demo…), and compared.
import { comparisonTokens, foldText } from './normalize.js';

export type VersionKind =
  | 'live'
  | 'remix'
  | 'acoustic'
  | 'instrumental'
  | 'karaoke'
  | 'a_cappella'
  | 'demo'
  | 're_recording'
  | 'reprise'
  | 'edit'
  | 'extended'
  | 'sped_up'
  | 'alternate'
  | 'cover'
  | 'video';

export interface VersionTag {
  /** The tag as written, folded. */
  readonly text: string;
  /** Kinds of different recording the tag names; empty for tags that keep the recording (remaster). */
  readonly kinds: readonly VersionKind[];
  /** Words beyond the kind: remixer, venue, year ("chromatics", "reading"). */
  readonly qualifier: readonly string[];
}

// Phrases that keep the recording. Removed before the kinds are looked for, so "Original Mix" is no remix.
const SAME_RECORDING: readonly RegExp[] = [
  /\b(?:digital(?:ly)? )?re ?master(?:ed)?(?: version)?\b/g,
  /\b(?:album|lp|original|main|explicit|clean|stereo|mono) (?:mix|version)\b/g,
  /\b(?:deluxe|expanded|anniversary|special|collectors|bonus)(?: edition| track| version)?\b/g,
  /\bedition\b/g,
  /\bexplicit\b/g,
  /\b(?:mono|stereo)\b/g,
  /\b(?:original )?(?:motion picture )?soundtrack\b/g,
  /\btheme from\b.*$/g,
  /^from\b.*$/g,
  /^\d{4}$/g,
];

const KIND_PATTERNS: ReadonlyArray<readonly [VersionKind, RegExp]> = [
  ['re_recording', /\btaylors version\b|\bre ?record(?:ed|ing)\b/],
  ['karaoke', /\bkaraoke\b|\bin the style of\b|\boriginally performed by\b|\bmade famous by\b/],
  ['a_cappella', /\ba ?cap+ella\b/],
  ['instrumental', /\binstrumental\b/],
  ['acoustic', /\bacoustic\b|\bstripped\b/],
  ['live', /\blive\b|\bunplugged\b|\bsessions?\b|\bin concert\b/],
  ['demo', /\bdemo\b/],
  ['reprise', /\breprise\b/],
  ['sped_up', /\bsped up\b|\bslowed\b|\bnightcore\b|\breverb\b/],
  ['remix', /\bremix(?:ed)?\b|\brmx\b|\bmix\b|\bdub\b|\brework\b|\bbootleg\b|\bflip\b/],
  ['extended', /\bextended\b|\b12 (?:inch|version|mix|remix)\b/],
  ['edit', /\bedit\b|\b(?:single|radio|short) version\b/],
  ['cover', /\bcover\b/],
  // A release's DVD part: the clip or its documentary, not the audio track of the same name.
  ['video', /\bvideo clip\b|\bmaking of\b/],
  ['alternate', /\balternate\b|\balt\b|\btake \d+\b|\bouttake\b|\brehearsal\b|\bnaked\b/],
];
// A "… Version" that none of the above names is still a different version ("10 Minute Version").
const OTHER_VERSION = /\bversion\b/;

// Words that name the kind or join the phrase; what is left names the remixer, venue or year.
const QUALIFIER_NOISE = new Set(
  (
    'at on in from the of by and a for with version mix remix remixed rmx edit radio live acoustic ' +
    'instrumental karaoke demo reprise extended session sessions unplugged stripped back take style ' +
    'originally performed made famous single short sped up slowed cover alternate concert video clip making'
  ).split(' '),
);

const SEGMENT_SEPARATOR = /[;/,]/;
// Every word any rule above starts from: text without one is a subtitle, found with one test.
const ANY_VERSION_WORD =
  /master|version|mix|edit|live|unplugged|session|concert|acoustic|stripped|instrumental|karaoke|style of|performed|famous|cap+ella|demo|reprise|sped|slowed|nightcore|reverb|rmx|dub|rework|bootleg|flip|extended|12|cover|alt|take|rehearsal|naked|deluxe|expanded|anniversary|special|collector|bonus|edition|explicit|clean|mono|stereo|soundtrack|theme|from|taylor|record|video|making|\d{4}/;

/** Classifies a bracketed or dashed title part; null when it is no version tag (a subtitle or alias). */
export function classifyVersionText(folded: string): VersionTag | null {
  if (!ANY_VERSION_WORD.test(folded)) return null;
  const kinds = new Set<VersionKind>();
  const qualifier: string[] = [];
  let recognised = false;
  for (const segment of folded.split(SEGMENT_SEPARATOR)) {
    let text = comparisonTokens(segment).join(' ');
    if (text === '') continue;
    for (const pattern of SAME_RECORDING) {
      const stripped = text.replace(pattern, ' ').trim();
      if (stripped !== text) {
        recognised = true;
        text = stripped;
      }
    }
    let segmentKinds = 0;
    for (const [kind, pattern] of KIND_PATTERNS) {
      if (pattern.test(text)) {
        kinds.add(kind);
        segmentKinds++;
      }
    }
    if (segmentKinds === 0 && OTHER_VERSION.test(text)) {
      kinds.add('alternate');
      segmentKinds++;
    }
    if (segmentKinds > 0) recognised = true;
    for (const word of text.split(' ')) if (word !== '' && !QUALIFIER_NOISE.has(word)) qualifier.push(word);
  }
  if (!recognised) return null;
  return Object.freeze({
    text: folded.trim(),
    kinds: Object.freeze([...kinds]),
    qualifier: Object.freeze(qualifier),
  });
}

// Album names that say the whole album is a concert: "(Live)", "Live at Reading", "MTV Unplugged".
const LIVE_ALBUM = /[([]live\b|\blive (?:at|in|from|on)\b|\bunplugged\b|\bspotify sessions\b|\bin concert\b/;

export function albumSaysLive(album: string): boolean {
  return foldedAlbumSaysLive(foldText(album));
}

/** `albumSaysLive` for an album name `foldText` has already folded. */
export function foldedAlbumSaysLive(folded: string): boolean {
  return LIVE_ALBUM.test(folded);
}
