// Comparison forms of artist names, titles and albums: Unicode-folded (NFKC, case, diacritics), punctuation
// and credit words made uniform, split into tokens. Used only to compare; stored names keep their spelling.

/** Which scripts a form's letters come from; Latin and non-Latin forms cannot be compared without transliteration. */
export type ScriptClass = 'latin' | 'other' | 'mixed' | 'none';

export interface NameForm {
  /** Tokens joined by one space. */
  readonly text: string;
  readonly tokens: readonly string[];
  /** Tokens joined without spaces, so `AC/DC` and `ACDC`, `L-O-V-E` and `L.O.V.E.` meet. */
  readonly compact: string;
  readonly script: ScriptClass;
}

const ASCII = /^[\x00-\x7f]*$/;
// Only the Latin/Greek/Cyrillic combining block is dropped: Japanese voicing marks and Indic vowel signs
// live elsewhere and change the word, so they stay.
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ς: 'σ',
};
const UNDECOMPOSABLE = /[øæœßłđðþıħŧς]/g;

/** NFKC, lower case, diacritics folded (é→e, ø→o, ё→е); other scripts are kept as they are. */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return foldLatin(text) ?? foldUnicode(text);
}

function foldUnicode(text: string): string {
  // NFKD is NFKC then NFD in one pass; diacritics come off the decomposed letters, NFC puts the rest back.
  const stripped = text.normalize('NFKD').toLowerCase().replace(COMBINING_DIACRITICS, '');
  // Folded Latin is usually plain ASCII again ("dré" → "dre"): only other scripts need recomposing.
  const folded = ASCII.test(stripped) ? stripped : stripped.normalize('NFC');
  return folded.replace(UNDECOMPOSABLE, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter);
}

// Up to U+017F (Latin-1 and Latin Extended-A: "Beyoncé", "Mötley Crüe", "Dvořák") each character folds on
// its own: its decomposition starts with a base letter and its marks are all dropped, so nothing reorders
// or recomposes across characters. These characters fold through a table made by `foldUnicode` itself,
// which skips the Unicode normalisation passes for most accented names.
const LATIN_TABLE_END = 0x180;
const LATIN_FOLDS: readonly string[] = Array.from({ length: LATIN_TABLE_END - 0x80 }, (_, at) =>
  foldUnicode(String.fromCharCode(0x80 + at)),
);

/** `foldUnicode` for text whose characters are all below U+0180; null for any other text. */
function foldLatin(text: string): string | null {
  let folded = '';
  let plainFrom = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x80) continue;
    if (code >= LATIN_TABLE_END) return null;
    folded += text.slice(plainFrom, at).toLowerCase() + LATIN_FOLDS[code - 0x80]!;
    plainFrom = at + 1;
  }
  return folded + text.slice(plainFrom).toLowerCase();
}

const APOSTROPHES = /['’‘`´ʼ]/g;
// "R.E.M." and "L.O.V.E." close up; "Pt.2" and "Mr. Brightside" split.
const DOT_BEFORE_LETTER = /\.(?=\p{L})/gu;
const AND_SIGNS = /[&+]/g;
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
const WHITESPACE = /\s+/g;

// A Map, not an object literal: a token such as "constructor" must not find Object.prototype's members.
const TOKEN_CANON: ReadonlyMap<string, string> = new Map([
  ['zero', '0'],
  ['one', '1'],
  ['two', '2'],
  ['three', '3'],
  ['four', '4'],
  ['five', '5'],
  ['six', '6'],
  ['seven', '7'],
  ['eight', '8'],
  ['nine', '9'],
  ['ten', '10'],
  ['eleven', '11'],
  ['twelve', '12'],
  ['ii', '2'],
  ['iii', '3'],
  ['iv', '4'],
  ['vi', '6'],
  ['vii', '7'],
  ['viii', '8'],
  ['ix', '9'],
  ['xi', '11'],
  ['xii', '12'],
  ['pt', 'part'],
  ['pts', 'parts'],
  ['n', 'and'],
]);

// Taggers that make file-name-safe tags write "Don't" as "Don_t": an underscore between a letter and a
// contraction ending stands for the apostrophe; any other underscore separates words like punctuation.
const UNDERSCORE_APOSTROPHE = /(?<=\p{L})_(?=(?:s|t|m|d|ll|re|ve)(?![\p{L}\p{N}]))/gu;

/** Tokens of already-folded text; a leading "the" is dropped when words follow it. */
export function comparisonTokens(folded: string): string[] {
  const text = folded.includes('_') ? folded.replace(UNDERSCORE_APOSTROPHE, '') : folded;
  const tokens = ASCII.test(text) ? asciiWords(text) : unicodeWords(text);
  for (let i = 0; i < tokens.length; i++) {
    const canon = TOKEN_CANON.get(tokens[i]!);
    if (canon !== undefined) tokens[i] = canon;
  }
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  if (tokens.length === 0) {
    // A name made only of punctuation ("!!!") is still a name: keep its symbols.
    const symbols = folded.replace(WHITESPACE, '');
    if (symbols !== '') tokens.push(symbols);
  }
  return tokens;
}

function unicodeWords(folded: string): string[] {
  const cleaned = folded
    .replace(APOSTROPHES, '')
    .replace(DOT_BEFORE_LETTER, '')
    .replace(AND_SIGNS, ' and ')
    .replace(NON_WORD, ' ');
  return cleaned.split(' ').filter((word) => word !== '');
}

const isLowerLetter = (code: number): boolean => code >= 97 && code <= 122;
const isAsciiWordChar = (code: number): boolean => isLowerLetter(code) || (code >= 48 && code <= 57);

/**
 * The same rules as `unicodeWords` in one pass over lower-case ASCII: most names are ASCII. Words are
 * sliced out of the text rather than built a character at a time; only a skipped apostrophe or closing
 * dot ("don't", "r.e.m.") joins two slices.
 */
function asciiWords(folded: string): string[] {
  const words: string[] = [];
  let word = '';
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (isAsciiWordChar(code)) {
      if (start < 0) start = i;
      continue;
    }
    // Apostrophe, backtick ("don't" → "dont") and a dot before a letter ("r.e.m." → "rem") join the word.
    const joins = code === 39 || code === 96 || (code === 46 && isLowerLetter(folded.charCodeAt(i + 1)));
    if (start >= 0) word += folded.slice(start, i);
    start = -1;
    if (joins) continue;
    if (word !== '') words.push(word);
    word = '';
    if (code === 38 || code === 43) words.push('and');
  }
  if (start >= 0) word += folded.slice(start);
  if (word !== '') words.push(word);
  return words;
}

const LATIN_LETTER = /[a-z]/;
const NON_LATIN_LETTER = /[^a-z0-9]/;

/** The form of tokens; the form keeps its own copy of them. */
export function formOfTokens(tokens: readonly string[]): NameForm {
  // Most names are one word: its form shares that one string instead of joining copies of it.
  const single = tokens.length === 1 ? tokens[0]! : null;
  const compact = single ?? tokens.join('');
  const latin = LATIN_LETTER.test(compact);
  const other = NON_LATIN_LETTER.test(compact);
  const script: ScriptClass = latin ? (other ? 'mixed' : 'latin') : other ? 'other' : 'none';
  // An array grown by `push` keeps room for 17 items; a library keeps its forms, so each holds an
  // exact-size copy (about 120 bytes less per form).
  return { text: single ?? tokens.join(' '), tokens: tokens.slice(), compact, script };
}

/** Comparison form of text that `foldText` has already folded. */
export function formOfFolded(folded: string): NameForm {
  return formOfTokens(comparisonTokens(folded));
}

export function nameForm(raw: string): NameForm {
  return formOfFolded(foldText(raw));
}

export const EMPTY_FORM: NameForm = formOfTokens([]);

/** True when one form is purely Latin and the other purely another script: they can only meet by transliteration. */
export function scriptsDisjoint(a: NameForm, b: NameForm): boolean {
  return (a.script === 'latin' && b.script === 'other') || (a.script === 'other' && b.script === 'latin');
}
