// Name rules beyond spelling: initials standing for given names ("W.A. Mozart", "C.J. Smith"), names in
// "Last First" order, and an "&" a tagger dropped or turned into "_" ("Top _ Low Rent").
import { formOfTokens, type NameForm } from './normalize.js';

const MAX_INITIALS = 3;

/**
 * True when every given name of `short` is the same word as, or the initials of, the given names of `long`
 * in order ("wa" or "w a" for "wolfgang amadeus", "wolfgang a" for "wolfgang amadeus"), and at least one
 * initial was needed. `long` may keep no given name unmatched: "L. Mozart" is not "Wolfgang Amadeus Mozart".
 */
function givenNamesAbbreviate(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  let usedInitial = false;
  for (const word of short) {
    if (at < long.length && long[at] === word) {
      at++;
      continue;
    }
    if (word.length > MAX_INITIALS || at + word.length > long.length) return false;
    for (let letter = 0; letter < word.length; letter++) {
      const name = long[at + letter]!;
      if (name.length < 2 || name.charCodeAt(0) !== word.charCodeAt(letter)) return false;
    }
    at += word.length;
    usedInitial = true;
  }
  return usedInitial && at === long.length;
}

/** The surname first, as sort names and some tag libraries write them ("Mozart W A" → "W A Mozart"). */
function surnameLast(tokens: readonly string[]): readonly string[] {
  return [...tokens.slice(1), tokens[0]!];
}

/** True when two person names differ only by initials, in either name order ("Mozart, W.A."). */
export function initialsMatch(a: NameForm, b: NameForm): boolean {
  if (a.tokens.length < 2 || b.tokens.length < 2 || a.compact === b.compact) return false;
  for (const tokensA of [a.tokens, surnameLast(a.tokens)]) {
    for (const tokensB of [b.tokens, surnameLast(b.tokens)]) {
      const surname = tokensA[tokensA.length - 1];
      if (surname !== tokensB[tokensB.length - 1] || surname!.length < 2) continue;
      const givenA = tokensA.slice(0, -1);
      const givenB = tokensB.slice(0, -1);
      if (givenNamesAbbreviate(givenA, givenB) || givenNamesAbbreviate(givenB, givenA)) return true;
    }
  }
  return false;
}

/** The form without "and" when only the other form lacks it; null when the rule does not apply. */
export function withoutDroppedAnd(form: NameForm, other: NameForm): NameForm | null {
  const has = form.tokens.includes('and');
  if (!has || other.tokens.includes('and')) return null;
  const kept = form.tokens.filter((token) => token !== 'and');
  return kept.length === 0 ? null : formOfTokens(kept);
}
