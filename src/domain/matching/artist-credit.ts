// An artist credit as comparison forms: the primary credit (before any "feat."/"with") and every credited
// name, split on the separators credits use ("A & B", "A, B", "A feat. B", "A x B").
import { formOfFolded, EMPTY_FORM, foldText, type NameForm } from './normalize.js';

export interface ArtistCredit {
  /** The first credited act as written, e.g. "simon and garfunkel" (not split on "&"). */
  readonly primary: NameForm;
  /** Every credited name and act, including featured artists and the pieces of "A & B". */
  readonly names: readonly NameForm[];
}

const FEATURE_SEPARATOR =
  /\s+(?:feat\.?|ft\.?|featuring|with|vs\.?|x|×)\s+|\s*[([](?:feat\.?|ft\.?|featuring|with)\s+/;
const NAME_SEPARATOR = /\s*(?:,|;|\/|&|\+|\band\b)\s*/;
const TRAILING_ARTICLE = /^(.+),\s*the$/;
const BRACKETS = /[()[\]]/g;
// A credit without any separator is one name: most credits, so they skip the splitting.
const MAY_HOLD_SEVERAL = /[,;/&+×()[\]]|\s(?:and|feat\.?|ft\.?|featuring|with|vs\.?|x)\s/;

function addName(names: NameForm[], folded: string): NameForm {
  const form = formOfFolded(folded);
  const known = names.find((name) => name.compact === form.compact);
  if (known) return known;
  if (form.compact !== '') names.push(form);
  return form;
}

function addCredit(names: NameForm[], folded: string): NameForm | null {
  if (!MAY_HOLD_SEVERAL.test(folded)) return addName(names, folded);
  let first: NameForm | null = null;
  for (const segment of folded.split(FEATURE_SEPARATOR)) {
    const cleaned = segment.replace(BRACKETS, ' ').trim();
    if (cleaned === '') continue;
    const form = addName(names, cleaned);
    first ??= form;
    const pieces = cleaned.split(NAME_SEPARATOR);
    if (pieces.length > 1) for (const piece of pieces) if (piece.trim() !== '') addName(names, piece);
  }
  return first;
}

// A library holds far fewer distinct credits than tracks (an act has many tracks), so parsed credits are
// kept per distinct credit. They are frozen and never changed, so tracks may share one. Each memo is
// emptied when full: it cannot grow without bound in a long-running process, and answers never depend
// on what it holds.
const MEMO_LIMIT = 50_000;
const singleCredits = new Map<string, ArtistCredit>();
const otherCredits = new Map<string, ArtistCredit>();

function remember(memo: Map<string, ArtistCredit>, key: string, credit: ArtistCredit): ArtistCredit {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, credit);
  return credit;
}

/** `artists` in credit order; `featured` are credits found in the title ("Stan (feat. Dido)"). */
export function parseArtistCredit(artists: readonly string[], featured: readonly string[]): ArtistCredit {
  if (artists.length === 1 && featured.length === 0) {
    const artist = artists[0]!;
    return singleCredits.get(artist) ?? remember(singleCredits, artist, parseCredit(artists, featured));
  }
  const key = JSON.stringify([artists, featured]);
  return otherCredits.get(key) ?? remember(otherCredits, key, parseCredit(artists, featured));
}

function parseCredit(artists: readonly string[], featured: readonly string[]): ArtistCredit {
  const names: NameForm[] = [];
  let primary: NameForm | null = null;
  for (const artist of artists) {
    // Tag libraries file "The Cure" as "Cure, The".
    const folded = foldText(artist).trim().replace(TRAILING_ARTICLE, 'the $1');
    const first = addCredit(names, folded);
    primary ??= first;
  }
  for (const credit of featured) addCredit(names, credit);
  return Object.freeze({ primary: primary ?? EMPTY_FORM, names: Object.freeze(names) });
}
