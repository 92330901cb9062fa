// Similarity measures over comparison forms: Jaro-Winkler for single words and spellings, a soft token
// overlap (Dice and containment, with Jaro-Winkler between near-identical words) for multi-word names.
import type { NameForm } from './normalize.js';

// Scratch buffers reused across calls: the functions stay pure (no state survives a call) and avoid
// allocating two arrays per comparison in bulk scoring.
let matchedA: Uint8Array = new Uint8Array(64);
let matchedB: Uint8Array = new Uint8Array(64);

function scratch(length: number, current: Uint8Array): Uint8Array {
  return current.length >= length ? current : new Uint8Array(Math.max(length, current.length * 2));
}

/** Jaro similarity 0–1 over UTF-16 units. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  matchedA = scratch(la, matchedA);
  matchedB = scratch(lb, matchedB);
  // Names are short: plain loops clear them faster than `fill` calls do.
  for (let i = 0; i < la; i++) matchedA[i] = 0;
  for (let j = 0; j < lb; j++) matchedB[j] = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = i > window ? i - window : 0;
    const to = i + window < lb - 1 ? i + window : lb - 1;
    const code = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === code) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
}

/** Jaro-Winkler: Jaro raised for a shared prefix of up to 4 units (scale 0.1). */
export function jaroWinkler(a: string, b: string): number {
  const base = jaro(a, b);
  if (base === 0 || base === 1) return base;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return base + prefix * 0.1 * (1 - base);
}

// Counts per character (its low byte: characters sharing a slot can only raise the count), kept zeroed.
const charCounts = new Int32Array(256);

/**
 * Whether Jaro-Winkler of `a` and `b` can reach `threshold`, from an upper bound: matches cannot outnumber
 * the characters the two share, transpositions only lower the score, and the prefix bonus is known. Most
 * pairs of different words fail it and skip the full computation, with the same answer.
 */
function mayReach(a: string, b: string, threshold: number): boolean {
  for (let i = 0; i < a.length; i++) charCounts[a.charCodeAt(i) & 255]!++;
  let shared = 0;
  for (let j = 0; j < b.length; j++) {
    const slot = b.charCodeAt(j) & 255;
    if (charCounts[slot]! > 0) {
      charCounts[slot]!--;
      shared++;
    }
  }
  for (let i = 0; i < a.length; i++) charCounts[a.charCodeAt(i) & 255] = 0;
  if (shared === 0) return false;
  const jaroBound = (shared / a.length + shared / b.length + 1) / 3;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  // The margin keeps rounding from ever skipping a pair that would reach the threshold exactly.
  return jaroBound + prefix * 0.1 * (1 - jaroBound) >= threshold - 1e-9;
}

/** Words at least this close count as the same word (misspelling, dropped letter). */
export const WORD_MATCH_THRESHOLD = 0.88;
const DIGITS = /^\d+$/;

// Only a word starting with a digit can be all digits: most words skip the regex.
const isNumber = (word: string): boolean => {
  const first = word.charCodeAt(0);
  return first >= 48 && first <= 57 && DIGITS.test(word);
};

/** How far two words agree: 1 when equal; short words and numbers must be equal ("ii" is not "iii"). */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length <= 3 || b.length <= 3 || isNumber(a) || isNumber(b)) return 0;
  if (!mayReach(a, b, WORD_MATCH_THRESHOLD)) return 0;
  const similarity = jaroWinkler(a, b);
  return similarity >= WORD_MATCH_THRESHOLD ? similarity : 0;
}

export interface TokenOverlap {
  /** Soft Dice coefficient: 2·matched / (|a| + |b|). */
  readonly dice: number;
  /** Matched share of the shorter list. */
  readonly containment: number;
}

/** Greedy one-to-one soft matching of words; exact matches first, then the closest remaining word. */
export function tokenOverlap(a: readonly string[], b: readonly string[]): TokenOverlap {
  if (a.length === 0 || b.length === 0) return { dice: 0, containment: 0 };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = scratchUsed(long.length);
  let matched = 0;
  let pending = 0;
  const unmatched = scratchUnmatched(short.length);
  for (let i = 0; i < short.length; i++) {
    const word = short[i]!;
    let at = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j] === 0 && long[j] === word) {
        at = j;
        break;
      }
    }
    if (at >= 0) {
      used[at] = 1;
      matched += 1;
    } else unmatched[pending++] = i;
  }
  for (let p = 0; p < pending; p++) {
    const word = short[unmatched[p]!]!;
    let best = 0;
    let bestAt = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j] === 1) continue;
      const similarity = wordSimilarity(word, long[j]!);
      if (similarity > best) {
        best = similarity;
        bestAt = j;
      }
    }
    if (bestAt >= 0) {
      used[bestAt] = 1;
      matched += best;
    }
  }
  return { dice: (2 * matched) / (a.length + b.length), containment: matched / short.length };
}

let usedWords: Uint8Array = new Uint8Array(32);
let unmatchedWords: Uint32Array = new Uint32Array(32);

function scratchUsed(length: number): Uint8Array {
  if (usedWords.length < length) usedWords = new Uint8Array(length * 2);
  usedWords.fill(0, 0, length);
  return usedWords;
}

function scratchUnmatched(length: number): Uint32Array {
  if (unmatchedWords.length < length) unmatchedWords = new Uint32Array(length * 2);
  return unmatchedWords;
}

// Spelling-level agreement of whole names only counts when it is close: Jaro-Winkler of two unrelated
// strings is often 0.5–0.7, which must not read as half a match.
const COMPACT_MATCH_THRESHOLD = 0.9;
const COMPACT_MIN_LENGTH_RATIO = 0.8;

/**
 * Similarity 0–1 of two comparison forms: the best of soft token Dice, Jaro-Winkler of the compact
 * spellings (when close and of similar length), and containment (one name's words all inside the other's).
 */
export function formSimilarity(a: NameForm, b: NameForm): number {
  if (a.compact === b.compact) return a.compact === '' ? 0 : 1;
  const overlap = tokenOverlap(a.tokens, b.tokens);
  let best = overlap.dice;
  if (overlap.containment >= 0.999) {
    const fewerTokens = Math.min(a.tokens.length, b.tokens.length);
    best = Math.max(best, fewerTokens >= 2 ? 0.88 : 0.75);
  }
  const shorter = Math.min(a.compact.length, b.compact.length);
  const longer = Math.max(a.compact.length, b.compact.length);
  // The length guard keeps a name that merely starts like another ("feels", "feel so close") from
  // borrowing Jaro-Winkler's prefix bonus; one letter more or less is a spelling, not another name.
  const similarLength =
    shorter / longer >= COMPACT_MIN_LENGTH_RATIO || (shorter >= 3 && longer - shorter <= 1);
  if (similarLength && best < 1 && mayReach(a.compact, b.compact, COMPACT_MATCH_THRESHOLD)) {
    const spelling = jaroWinkler(a.compact, b.compact);
    if (spelling >= COMPACT_MATCH_THRESHOLD) best = Math.max(best, spelling);
  }
  return best;
}
