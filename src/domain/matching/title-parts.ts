// Splits a track title into its core, subtitles or aliases ("(Who Loves Me)", "(DDU-DU DDU-DU)"), version
// tags ("- Remastered 2011", "[Live]") and featured credits ("(feat. Dido)").
import { formOfFolded, formOfTokens, foldText, type NameForm } from './normalize.js';
import { classifyVersionText, type VersionTag } from './version-tags.js';

export interface TitleParts {
  /** The core title: no subtitles, tags or credits. */
  readonly main: NameForm;
  /** The title with its subtitles in place, without tags or credits. */
  readonly full: NameForm;
  /** Bracketed or dashed parts that are neither tags nor credits: alternative or longer titles. */
  readonly subtitles: readonly NameForm[];
  readonly tags: readonly VersionTag[];
  /** Folded featured-artist credits found in the title. */
  readonly featured: readonly string[];
  /** Sorted numbers of the full title ("2" of "Pt. II"), joined by spaces; '' when none. */
  readonly numbers: string;
  /** Numbers of the core title only: a sequel numeral ("The Unforgiven II") lives there. */
  readonly coreNumbers: string;
}

const BRACKETED = /[([{]([^()[\]{}]*)[)\]}]/g;
const PLACEHOLDER = /\u0001(\d+)\u0002/g;
const DASH_SEPARATOR = /\s+[-–—]\s+/;
const FEATURE_PREFIX = /^\s*(?:feat\.?|ft\.?|featuring|with)\s+/;
const FEATURE_INLINE = /\s+(?:feat\.?|ft\.?|featuring)\s+/;
const DIGITS = /^\d+$/;
const NONE: readonly never[] = Object.freeze([]);

function numbersOf(form: NameForm): string {
  let numbers: string[] | null = null;
  for (const token of form.tokens) {
    // Most titles hold no number: a first-character test skips the regex and the arrays for them.
    const first = token.charCodeAt(0);
    if (first >= 48 && first <= 57 && DIGITS.test(token)) (numbers ??= []).push(token);
  }
  if (numbers === null) return '';
  return numbers.length === 1 ? numbers[0]! : numbers.sort().join(' ');
}

const LATIN_WORD = /^[a-z0-9]*[a-z][a-z0-9]*$/;
const OTHER_WORD = /^[^a-z]*[^a-z0-9][^a-z]*$/;

/**
 * "Milky Way-君の歌-", "Song With No Name～名前のない歌～": a title in one script followed by its subtitle in
 * another, with no bracket to mark it. Returns [title, subtitle] when the words fall in two runs, one per
 * script (numbers join either run); null otherwise.
 */
function splitByScript(form: NameForm): readonly [NameForm, NameForm] | null {
  if (form.script !== 'mixed' || form.tokens.length < 2) return null;
  let firstLatin: boolean | null = null;
  let boundary = -1;
  for (let at = 0; at < form.tokens.length; at++) {
    const token = form.tokens[at]!;
    const latin = LATIN_WORD.test(token) ? true : OTHER_WORD.test(token) ? false : null;
    if (latin === null) {
      if (DIGITS.test(token)) continue;
      return null;
    }
    if (firstLatin === null) firstLatin = latin;
    else if (latin !== firstLatin) {
      if (boundary >= 0 && latin !== (at >= boundary ? !firstLatin : firstLatin)) return null;
      if (boundary < 0) boundary = at;
    } else if (boundary >= 0) return null;
  }
  if (boundary <= 0) return null;
  return [formOfTokens(form.tokens.slice(0, boundary)), formOfTokens(form.tokens.slice(boundary))];
}

type PartRole = 'subtitle' | 'dropped';

// Titles without brackets, dashes or credits ("Hey Jude") need none of the splitting below.
const NEEDS_SPLITTING = /[([{]|\s[-–—]\s|\b(?:feat|ft|featuring)\b/;

export function parseTitle(raw: string): TitleParts {
  const folded = foldText(raw);
  if (!NEEDS_SPLITTING.test(folded)) {
    const full = formOfFolded(folded);
    const byScript = splitByScript(full);
    if (byScript !== null) {
      return Object.freeze({
        main: byScript[0],
        full,
        subtitles: Object.freeze([byScript[1]]),
        tags: NONE,
        featured: NONE,
        numbers: numbersOf(full),
        coreNumbers: numbersOf(byScript[0]),
      });
    }
    const main = full;
    const numbers = numbersOf(main);
    return Object.freeze({
      main,
      full: main,
      subtitles: NONE,
      tags: NONE,
      featured: NONE,
      numbers,
      coreNumbers: numbers,
    });
  }
  const groups: string[] = [];
  let text = folded;
  // Bracketed parts become placeholders so subtitles can be put back in place; two passes take one
  // level of nesting ("Song (Live (Remastered))").
  for (let pass = 0; pass < 2; pass++) {
    text = text.replace(BRACKETED, (_match, inner: string) => `\u0001${groups.push(inner) - 1}\u0002`);
  }
  const tags: VersionTag[] = [];
  const featured: string[] = [];
  const subtitles: NameForm[] = [];
  const plain = (part: string): string => part.replace(PLACEHOLDER, ' ');
  const classify = (part: string): PartRole => {
    const content = plain(part);
    if (content.trim() === '') return 'dropped';
    if (FEATURE_PREFIX.test(content)) {
      featured.push(content.replace(FEATURE_PREFIX, '').trim());
      return 'dropped';
    }
    const tag = classifyVersionText(content);
    if (tag) {
      tags.push(tag);
      return 'dropped';
    }
    const form = formOfFolded(content);
    if (form.tokens.length > 0) subtitles.push(form);
    return 'subtitle';
  };
  const roles = groups.map(classify);
  const [head = '', ...dashed] = text.split(DASH_SEPARATOR);
  const [core = '', ...inlineFeatured] = head.split(FEATURE_INLINE);
  featured.push(...inlineFeatured.map((credit) => plain(credit).trim()));
  const dashedSubtitles = dashed.filter((part) => classify(part) === 'subtitle');
  const withSubtitles = (part: string): string =>
    part.replace(PLACEHOLDER, (_match, index: string) => {
      const at = Number(index);
      return roles[at] === 'subtitle' ? ` ${plain(groups[at] ?? '')} ` : ' ';
    });
  let main = formOfFolded(plain(core));
  const full =
    subtitles.length === 0 ? main : formOfFolded([core, ...dashedSubtitles].map(withSubtitles).join(' '));
  if (main.tokens.length === 0) main = full.tokens.length > 0 ? full : formOfFolded(folded);
  // Most titles have no subtitles, tags or credits: share one empty list instead of allocating three.
  const orNone = <T>(list: T[]): readonly T[] => (list.length === 0 ? NONE : list);
  return Object.freeze({
    main,
    full,
    subtitles: orNone(subtitles),
    tags: orNone(tags),
    featured: orNone(featured.filter((name) => name !== '')),
    numbers: numbersOf(full),
    coreNumbers: numbersOf(main),
  });
}
