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

/** The given names when `surname` is the last or (sort-name order, "Mozart W A") the first word; else null. */
function givenNames(
  tokens: readonly string[],
  surnameFirst: boolean,
  surname: string,
): readonly string[] | null {
  if (surnameFirst) return tokens[0] === surname ? tokens.slice(1) : null;
  return tokens[tokens.length - 1] === surname ? tokens.slice(0, -1) : null;
}

/** True when two person names differ only by initials, in either name order ("Mozart, W.A."). */
export function initialsMatch(a: NameForm, b: NameForm): boolean {
  if (a.tokens.length < 2 || b.tokens.length < 2 || a.compact === b.compact) return false;
  // Most pairs share no surname: the test on the end words comes before any list is made.
  for (const surnameFirstA of [false, true]) {
    const surname = surnameFirstA ? a.tokens[0]! : a.tokens[a.tokens.length - 1]!;
    if (surname.length < 2) continue;
    for (const surnameFirstB of [false, true]) {
      const givenB = givenNames(b.tokens, surnameFirstB, surname);
      if (givenB === null) continue;
      const givenA = givenNames(a.tokens, surnameFirstA, surname)!;
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
