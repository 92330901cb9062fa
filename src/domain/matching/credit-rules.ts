// Rules that weigh the artist and duration factors against what the titles say: classical recordings credited
// to the composer on one side and to the performers on the other, and a title suffix on one side only
// ("(feat. X)", a subtitle) that marks another recording when the durations disagree too.
import type { EvidenceFactor } from '../track/track-mapping.js';
import type { ArtistCredit } from './artist-credit.js';
import type { FactorResult } from './match-factors.js';
import type { PreparedMatchInput } from './match-input.js';
import { foldText, formOfFolded } from './normalize.js';
import { creditNeedsRomanising, romanisedCredit } from './romanise.js';
import type { TitleParts } from './title-parts.js';

/** What a composer-or-performer credit may cost at most: the other evidence must carry the match. */
export const COMPOSER_CREDIT_MAX_PENALTY = 10;
const TITLE_MIN_SCORE = 0.95;
/** A surname shorter than this ("Bo", "Ra") is too common a word to count as a composer named. */
const SURNAME_MIN_LENGTH = 4;
const WORK_TITLE_MIN_WORDS = 3;
// Words of concert-music work titles: catalogue numbers (Op. 20, BWV 1007, K. 626, D 960, Hob.), forms and
// tempo markings. Matched on comparison text, where "Op. 20" is "op 20".
const CLASSICAL_WORK =
  /\b(?:op|opus|bwv|kv?|hob|rv|woo|d) \d|\bact \d|\b(?:symphon|concert|sonat|quartet|quintet|suite|overture|prelud|fugue|nocturne|etude|requiem|cantata|oratorio|allegro|adagio|andante|largo|presto|scherzo|minuet|menuet|rondo)/;

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, at) => word === b[at]);
}

/** The words before the first colon of a raw title or album ("Mozart: Requiem" → mozart); null without one. */
function composerPrefix(raw: string | null | undefined): readonly string[] | null {
  if (raw == null) return null;
  const colon = raw.indexOf(':');
  return colon <= 0 ? null : formOfFolded(foldText(raw.slice(0, colon))).tokens;
}

/**
 * The credited name (or its surname) written as the composer prefix of the other record's title or album,
 * "Composer: Work" as classical releases write it ("Mozart: Requiem", "Tchaikovsky: Swan Lake").
 */
function nameFoundIn(credit: ArtistCredit, other: PreparedMatchInput): string | null {
  const prefixes = [composerPrefix(other.input.album), composerPrefix(other.input.title)];
  const credits = creditNeedsRomanising(credit) ? [credit, romanisedCredit(credit)] : [credit];
  for (const prefix of prefixes) {
    if (prefix === null || prefix.length === 0) continue;
    for (const { primary } of credits) {
      const surname = primary.tokens[primary.tokens.length - 1];
      if (sameWords(prefix, primary.tokens)) return primary.text;
      if (surname !== undefined && surname.length >= SURNAME_MIN_LENGTH && sameWords(prefix, [surname])) {
        return surname;
      }
    }
  }
  return null;
}

function isWorkTitle(title: TitleParts): boolean {
  return title.full.tokens.length >= WORK_TITLE_MIN_WORDS && CLASSICAL_WORK.test(title.full.text);
}

/**
 * A classical recording is credited to its composer by some sources and to its performers by others. When
 * the artists disagree but the titles agree, the artist costs at most `COMPOSER_CREDIT_MAX_PENALTY` if one
 * side's artist is the composer prefix of the other's title or album ("Mozart: Requiem"), or if the title is a
 * concert work's and both durations are known and agree. Null when the rule does not apply.
 */
export function composerCredit(
  a: PreparedMatchInput,
  b: PreparedMatchInput,
  artist: FactorResult,
  title: FactorResult,
  duration: FactorResult | null,
): EvidenceFactor | null {
  if (artist.factor.penalty <= COMPOSER_CREDIT_MAX_PENALTY || title.factor.score < TITLE_MIN_SCORE)
    return null;
  if (duration !== null && duration.factor.penalty > 0) return null;
  const named = nameFoundIn(a.artist, b) ?? nameFoundIn(b.artist, a);
  let detail: string;
  if (named !== null) detail = `'${named}' is named in the other record's title or album`;
  else if (duration !== null && isWorkTitle(a.title) && isWorkTitle(b.title)) {
    detail = 'a concert work with the same title and duration: composer vs performer credit';
  } else return null;
  return Object.freeze({ name: 'composer_credit', score: 1, penalty: 0, detail });
}

/** The rule's cap applied to the artist factor. */
export function capArtistPenalty(artist: FactorResult): FactorResult {
  const penalty = Math.min(artist.factor.penalty, COMPOSER_CREDIT_MAX_PENALTY);
  return { ...artist, factor: Object.freeze({ ...artist.factor, penalty }) };
}

const SUFFIX_DURATION_PENALTY = 15;
/** Durations disagree when the duration factor costs more than this: over 2 s past its tolerance (4–5 s apart). */
const DURATION_DISAGREES_ABOVE = 2;

function suffixes(title: TitleParts): string {
  const kinds: string[] = [];
  if (title.featured.length > 0) kinds.push('feat.');
  if (title.subtitles.length > 0) kinds.push('subtitle');
  return kinds.join(', ');
}

/**
 * A "(feat. X)" credit or a subtitle on one side only is often another recording (the single with a guest vs
 * the album cut): with durations that disagree as well, the title alone must not merge them.
 */
export function suffixWithDuration(
  a: PreparedMatchInput,
  b: PreparedMatchInput,
  duration: FactorResult | null,
): EvidenceFactor | null {
  if (duration === null || duration.factor.penalty <= DURATION_DISAGREES_ABOVE) return null;
  const suffixA = suffixes(a.title);
  const suffixB = suffixes(b.title);
  if (suffixA === suffixB) return null;
  const detail = `suffix '${suffixA || 'none'}' vs '${suffixB || 'none'}' with durations that disagree`;
  return Object.freeze({ name: 'suffix_duration', score: 0, penalty: SUFFIX_DURATION_PENALTY, detail });
}
