// Romanised comparison forms of names in other scripts (CJK, kana, hangul, Cyrillic, Greek) via any-ascii, so
// "Кино" meets "Kino" and "周杰伦" meets "Zhou Jielun". Comparison only; any-ascii is a pure function.
import anyAscii from 'any-ascii';
import type { ArtistCredit } from './artist-credit.js';
import { foldText, formOfFolded, type NameForm } from './normalize.js';
import type { TitleParts } from './title-parts.js';

// any-ascii writes each CJK character as a capitalised syllable ("ZhouJieLun"): a space before each capital
// makes the syllables words, and the compact form (no spaces) still meets "Zhou Jielun" or "Jielun Zhou".
const SYLLABLE_START = /([a-z0-9'])([A-Z])/g;

// Forms, credits and titles are shared and never changed, so their romanised forms are kept beside them.
const forms = new WeakMap<NameForm, NameForm>();
const credits = new WeakMap<ArtistCredit, ArtistCredit>();
const titles = new WeakMap<TitleParts, TitleParts>();

/** True when the form holds letters outside the Latin alphabet. */
export function needsRomanising(form: NameForm): boolean {
  return form.script === 'other' || form.script === 'mixed';
}

/**
 * A non-Latin form read in Latin letters, computed afresh and kept nowhere: the candidate index
 * needs it once per indexed name, and keeping it beside every name of a library would cost memory.
 */
export function readInLatin(form: NameForm): NameForm {
  return formOfFolded(foldText(anyAscii(form.text).replace(SYLLABLE_START, '$1 $2')));
}

/** The form read in Latin letters, kept for the next comparison; a Latin form is returned as it is. */
export function romanisedForm(form: NameForm): NameForm {
  if (!needsRomanising(form)) return form;
  let romanised = forms.get(form);
  if (romanised === undefined) {
    romanised = readInLatin(form);
    forms.set(form, romanised);
  }
  return romanised;
}

export function creditNeedsRomanising(credit: ArtistCredit): boolean {
  return credit.names.some(needsRomanising) || needsRomanising(credit.primary);
}

export function romanisedCredit(credit: ArtistCredit): ArtistCredit {
  let romanised = credits.get(credit);
  if (romanised === undefined) {
    romanised = Object.freeze({
      primary: romanisedForm(credit.primary),
      names: Object.freeze(credit.names.map(romanisedForm)),
    });
    credits.set(credit, romanised);
  }
  return romanised;
}

export function titleNeedsRomanising(title: TitleParts): boolean {
  return needsRomanising(title.full) || title.subtitles.some(needsRomanising);
}

/** The title with every form romanised; numbers, tags and credits stay as parsed. */
export function romanisedTitle(title: TitleParts): TitleParts {
  let romanised = titles.get(title);
  if (romanised === undefined) {
    romanised = Object.freeze({
      ...title,
      main: romanisedForm(title.main),
      full: romanisedForm(title.full),
      subtitles: Object.freeze(title.subtitles.map(romanisedForm)),
    });
    titles.set(title, romanised);
  }
  return romanised;
}
