// One function per evidence factor: how similar two prepared tracks are on artist, title, album and
// duration, and how many confidence points that costs. The scorer adds them up.
import type { EvidenceFactor } from '../track/track-mapping.js';
import type { ArtistCredit } from './artist-credit.js';
import type { PreparedMatchInput } from './match-input.js';
import { initialsMatch, withoutDroppedAnd } from './name-rules.js';
import { scriptsDisjoint, type NameForm } from './normalize.js';
import { creditNeedsRomanising, romanisedCredit, romanisedTitle, titleNeedsRomanising } from './romanise.js';
import { formSimilarity } from './string-similarity.js';
import type { TitleParts } from './title-parts.js';

export interface FactorResult {
  readonly factor: EvidenceFactor;
  readonly notes: readonly string[];
  /** Factors of the rules that changed this factor's comparison (initials, romanisation…). */
  readonly rules?: readonly EvidenceFactor[];
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

function factor(name: string, score: number, penalty: number, detail: string): EvidenceFactor {
  return Object.freeze({ name, score: round3(score), penalty: Math.round(penalty), detail });
}

// A name in another script cannot be compared without transliteration: that is missing evidence, not
// contrary evidence, so it costs less than a clear mismatch but keeps the pair out of auto-accept.
const ARTIST_CROSS_SCRIPT_PENALTY = 30;
const TITLE_CROSS_SCRIPT_PENALTY = 35;
const ARTIST_MAX_PENALTY = 80;
const TITLE_MAX_PENALTY = 80;
/** A shared featured or secondary artist is good evidence, a little weaker than the same primary act. */
const SECONDARY_NAME_WEIGHT = 0.95;
const ACRONYM_SIMILARITY = 0.88;
const NUMBER_CONFLICT_PENALTY = 40;
/** A subtitle standing in for the title ("뚜두뚜두 (DDU-DU DDU-DU)" vs "DDU-DU DDU-DU") is a slightly weaker match. */
const ALIAS_WEIGHT = 0.95;
const ACRONYM_SKIP = new Set(['and', 'of', 'the']);
/** "W.A. Mozart" for "Wolfgang Amadeus Mozart": the surname agrees and the initials fit, but nothing more. */
const INITIALS_SIMILARITY = 0.9;
/**
 * Romanised names are compared like Latin ones, but a romanised match counts only when close: any-ascii
 * reads Japanese kanji as Chinese, so a partial agreement says little. A match costs a few points.
 */
const ROMANISED_MIN_SIMILARITY = 0.8;
const ROMANISED_PENALTY = 4;
/** A title that differs only by an "&" a tagger dropped ("Top _ Low Rent") is nearly the same title. */
const DROPPED_AND_WEIGHT = 0.97;

/** True when `short` is the initials of `long`'s words ("rem" of "r e m", "elo" of "electric light orchestra"). */
function isAcronymOf(short: NameForm, long: NameForm): boolean {
  if (short.tokens.length !== 1 || long.tokens.length < 2) return false;
  // Compared initial by initial against the short name: no initials string is built for the many pairs
  // that differ at the first letter.
  const acronym = short.compact;
  let initials = 0;
  for (const token of long.tokens) {
    if (ACRONYM_SKIP.has(token)) continue;
    if (initials >= acronym.length || token.charCodeAt(0) !== acronym.charCodeAt(initials)) return false;
    initials++;
  }
  return initials >= 2 && initials === acronym.length;
}

function artistSimilarity(a: ArtistCredit, b: ArtistCredit): number {
  let best = formSimilarity(a.primary, b.primary);
  if (best >= 1) return 1;
  if (isAcronymOf(a.primary, b.primary) || isAcronymOf(b.primary, a.primary)) {
    best = Math.max(best, ACRONYM_SIMILARITY);
  }
  for (const nameA of a.names) {
    for (const nameB of b.names) {
      if (nameA === a.primary && nameB === b.primary) continue;
      const similarity = SECONDARY_NAME_WEIGHT * formSimilarity(nameA, nameB);
      if (similarity > best) best = similarity;
    }
  }
  return best;
}

/** Artist similarity with the initials rule; the rule's factor when it raised the similarity. */
function creditSimilarity(a: ArtistCredit, b: ArtistCredit): { similarity: number; initials: boolean } {
  const similarity = artistSimilarity(a, b);
  if (similarity < INITIALS_SIMILARITY && initialsMatch(a.primary, b.primary)) {
    return { similarity: INITIALS_SIMILARITY, initials: true };
  }
  return { similarity, initials: false };
}

export function artistFactor(a: PreparedMatchInput, b: PreparedMatchInput): FactorResult {
  let { similarity, initials } = creditSimilarity(a.artist, b.artist);
  let primaryA = a.artist.primary;
  let primaryB = b.artist.primary;
  // Most pairs need no rule: the list is made only when one applies.
  let rules: EvidenceFactor[] | undefined;
  if (similarity < 1 && (creditNeedsRomanising(a.artist) || creditNeedsRomanising(b.artist))) {
    const romanA = romanisedCredit(a.artist);
    const romanB = romanisedCredit(b.artist);
    const romanised = creditSimilarity(romanA, romanB);
    if (romanised.similarity >= ROMANISED_MIN_SIMILARITY && romanised.similarity > similarity) {
      ({ similarity, initials } = romanised);
      const detail = `read as '${romanA.primary.text}' vs '${romanB.primary.text}'`;
      (rules ??= []).push(factor('artist_romanised', similarity, ROMANISED_PENALTY, detail));
      primaryA = romanA.primary;
      primaryB = romanB.primary;
    }
  }
  if (initials) {
    (rules ??= []).push(
      factor('initials', 1, 0, `'${primaryA.text}' and '${primaryB.text}' differ by initials`),
    );
  }
  const detail = `'${a.artist.primary.text}' vs '${b.artist.primary.text}'`;
  if (similarity < 0.5 && scriptsDisjoint(a.artist.primary, b.artist.primary)) {
    return {
      factor: factor('artist', 0.5, ARTIST_CROSS_SCRIPT_PENALTY, detail),
      notes: ['artist names in different scripts: not compared'],
    };
  }
  const penalty = Math.min(ARTIST_MAX_PENALTY, (1 - similarity) * 120);
  return { factor: factor('artist', similarity, penalty, detail), notes: [], rules };
}

/** The title's distinct forms: the core, and the core with subtitles when it has any. */
function titleForms(title: TitleParts): readonly NameForm[] {
  return title.full.compact === title.main.compact ? [title.main] : [title.main, title.full];
}

/** Best agreement over the title's forms: core, core with subtitles, and a subtitle as an alias. */
function titleSimilarity(a: TitleParts, b: TitleParts): { similarity: number; comparable: boolean } {
  if (a.subtitles.length === 0 && b.subtitles.length === 0) {
    return { similarity: formSimilarity(a.main, b.main), comparable: !scriptsDisjoint(a.main, b.main) };
  }
  const pairs: Array<readonly [NameForm, NameForm, number]> = [];
  for (const formA of titleForms(a)) for (const formB of titleForms(b)) pairs.push([formA, formB, 1]);
  for (const alias of a.subtitles) pairs.push([alias, b.main, ALIAS_WEIGHT]);
  for (const alias of b.subtitles) pairs.push([a.main, alias, ALIAS_WEIGHT]);
  let similarity = 0;
  let comparable = false;
  for (const [formA, formB, weight] of pairs) {
    if (!scriptsDisjoint(formA, formB)) comparable = true;
    similarity = Math.max(similarity, weight * formSimilarity(formA, formB));
    if (similarity >= 1) break;
  }
  return { similarity, comparable };
}

/** Different numbers are different songs: "Pt. 1" vs "Pt. 2", "The Unforgiven" vs "The Unforgiven II". */
function numbersConflict(a: TitleParts, b: TitleParts): boolean {
  if (a.numbers === b.numbers) return false;
  if (a.numbers !== '' && b.numbers !== '') return true;
  return (a.numbers !== '' ? a : b).coreNumbers !== '';
}

/** Title similarity when one title lost an "&" ("Top & Low Rent" vs "Top _ Low Rent"); 0 when not that case. */
function droppedAndSimilarity(a: TitleParts, b: TitleParts): number {
  const strippedA = withoutDroppedAnd(a.full, b.full);
  if (strippedA !== null) return DROPPED_AND_WEIGHT * formSimilarity(strippedA, b.full);
  const strippedB = withoutDroppedAnd(b.full, a.full);
  return strippedB === null ? 0 : DROPPED_AND_WEIGHT * formSimilarity(a.full, strippedB);
}

export function titleFactor(a: PreparedMatchInput, b: PreparedMatchInput): FactorResult {
  let { similarity, comparable } = titleSimilarity(a.title, b.title);
  let rules: EvidenceFactor[] | undefined;
  if (similarity < 1 && (titleNeedsRomanising(a.title) || titleNeedsRomanising(b.title))) {
    const romanA = romanisedTitle(a.title);
    const romanB = romanisedTitle(b.title);
    const romanised = titleSimilarity(romanA, romanB).similarity;
    if (romanised >= ROMANISED_MIN_SIMILARITY && romanised > similarity) {
      similarity = romanised;
      comparable = true;
      const detail = `read as '${romanA.full.text}' vs '${romanB.full.text}'`;
      (rules ??= []).push(factor('title_romanised', similarity, ROMANISED_PENALTY, detail));
    }
  }
  if (similarity < DROPPED_AND_WEIGHT) {
    const dropped = droppedAndSimilarity(a.title, b.title);
    if (dropped > similarity) {
      similarity = dropped;
      (rules ??= []).push(factor('dropped_and', dropped, 0, 'one title lost its "&"'));
    }
  }
  const detail = `'${a.title.full.text}' vs '${b.title.full.text}'`;
  if (similarity < 0.5 && !comparable) {
    return {
      factor: factor('title', 0.5, TITLE_CROSS_SCRIPT_PENALTY, detail),
      notes: ['titles in different scripts: not compared'],
    };
  }
  const notes: string[] = [];
  let penalty = Math.min(TITLE_MAX_PENALTY, (1 - similarity) * 150);
  if (numbersConflict(a.title, b.title)) {
    notes.push(`title numbers differ: '${a.title.numbers || 'none'}' vs '${b.title.numbers || 'none'}'`);
    penalty = Math.min(TITLE_MAX_PENALTY, penalty + NUMBER_CONFLICT_PENALTY);
  }
  return { factor: factor('title', similarity, penalty, detail), notes, rules };
}

const ALBUM_DIFFERENT_PENALTY = 3;

/** Albums differ all the time for one recording (single, album, compilation): weak evidence either way. */
export function albumFactor(a: PreparedMatchInput, b: PreparedMatchInput): FactorResult | null {
  if (a.album === null || b.album === null) return null;
  const similarity = formSimilarity(a.album, b.album);
  const penalty = similarity < 0.5 ? ALBUM_DIFFERENT_PENALTY : 0;
  return {
    factor: factor('album', similarity, penalty, `'${a.album.text}' vs '${b.album.text}'`),
    notes: [],
  };
}

const DURATION_MAX_PENALTY = 40;

/**
 * Durations within max(2 s, 1 %) are the same (encoders and silence trimming differ); past that tolerance
 * 1 point per second for 2 s, then 2.5 per second: 10 s past it costs 22 points, 17 s the maximum 40.
 */
export function durationFactor(a: PreparedMatchInput, b: PreparedMatchInput): FactorResult | null {
  if (a.durationMs === null || b.durationMs === null) return null;
  const gapSeconds = Math.abs(a.durationMs - b.durationMs) / 1000;
  const toleranceSeconds = Math.max(2, (Math.max(a.durationMs, b.durationMs) / 1000) * 0.01);
  const excess = Math.max(0, gapSeconds - toleranceSeconds);
  const penalty = Math.min(DURATION_MAX_PENALTY, excess <= 2 ? excess : 2 + (excess - 2) * 2.5);
  const score = Math.max(0, 1 - excess / 30);
  const detail = `${a.durationText} s vs ${b.durationText} s`;
  return { factor: factor('duration', score, penalty, detail), notes: [] };
}
