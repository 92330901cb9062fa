// Blocking for resolution: an inverted index from normalised artist and title words (with character bigrams
// and the Latin reading of words in other scripts) to tracks, so a query meets only tracks sharing a word.
import type { ArtistCredit } from './artist-credit.js';
import type { PreparedMatchInput } from './match-input.js';
import type { NameForm } from './normalize.js';
import { PostingLists } from './posting-lists.js';
import { needsRomanising, readInLatin } from './romanise.js';
import { TermDictionary } from './term-dictionary.js';

export interface IndexedTrack<T> {
  readonly item: T;
  readonly prepared: PreparedMatchInput;
}

const LATIN_OR_DIGITS = /^[a-z0-9]+$/;
/** Words in more than this share of the index ("love", "the") are skipped when rarer words are present. */
const COMMON_WORD_SHARE = 0.02;
const COMMON_WORD_FLOOR = 500;
/**
 * A candidate sharing less than a third of the best candidate's blocking weight (one common title word
 * where the best shares the artist and the whole title) is not worth scoring.
 */
const MIN_SHARE_OF_BEST = 1 / 3;

/**
 * Calls `visit` with the words a form is found by, in order: its tokens, character pairs of unspaced
 * scripts and its compact spelling, then the same words of its Latin reading when it holds another script
 * ("кино" also posts "kino"; "周杰伦" posts "zhou", "jie", "lun" and "zhoujielun", so "Zhou Jielun" meets it
 * through "zhou" and the space-free whole name). A word may come more than once; the caller keeps the first.
 */
function visitFormKeys(form: NameForm, visit: (key: string) => void): void {
  // A purely Latin (or digit) form has no token in another script: no per-token test, no reading.
  if (!needsRomanising(form)) {
    visitWrittenKeys(form, false, visit);
    return;
  }
  visitWrittenKeys(form, true, visit);
  visitWrittenKeys(readInLatin(form), false, visit);
}

function visitWrittenKeys(form: NameForm, mayHoldUnspaced: boolean, visit: (key: string) => void): void {
  for (const token of form.tokens) {
    visit(token);
    // Chinese, Japanese and Thai write no spaces: a title is one "word", so near-identical spellings
    // (traditional vs simplified) only meet through their character pairs.
    if (mayHoldUnspaced && token.length >= 3 && !LATIN_OR_DIGITS.test(token)) {
      for (let at = 0; at + 2 <= token.length; at++) visit(`~${token.slice(at, at + 2)}`);
    }
  }
  if (form.tokens.length > 1) visit(form.compact);
}

function visitArtistKeys(credit: ArtistCredit, visit: (key: string) => void): void {
  visitFormKeys(credit.primary, visit);
  for (const name of credit.names) if (name !== credit.primary) visitFormKeys(name, visit);
}

function visitTitleKeys(prepared: PreparedMatchInput, visit: (key: string) => void): void {
  visitFormKeys(prepared.title.main, visit);
  if (prepared.title.full !== prepared.title.main) visitFormKeys(prepared.title.full, visit);
}

/** Calls `visit` with each identifier the track carries and the dictionary of its kind. */
function visitIdentifiers(
  prepared: PreparedMatchInput,
  dictionaries: IdentifierDictionaries,
  visit: (dictionary: TermDictionary, key: string) => void,
): void {
  if (prepared.spotifyId !== null) visit(dictionaries.spotify, prepared.spotifyId);
  if (prepared.isrc !== null) visit(dictionaries.isrc, prepared.isrc);
  if (prepared.mbid !== null) visit(dictionaries.mbid, prepared.mbid);
}

interface IdentifierDictionaries {
  readonly spotify: TermDictionary;
  readonly isrc: TermDictionary;
  readonly mbid: TermDictionary;
}

export class CandidateIndex<T> {
  private readonly items: T[] = [];
  private readonly prepared: PreparedMatchInput[] = [];
  // One term dictionary per field (and identifier kind), so a word is looked up as it is, without a field
  // prefix to build; term ids are shared, so all fields post into one set of integer lists.
  private readonly artistTerms = new TermDictionary();
  private readonly titleTerms = new TermDictionary();
  private readonly identifierTerms: IdentifierDictionaries = {
    spotify: new TermDictionary(),
    isrc: new TermDictionary(),
    mbid: new TermDictionary(),
  };
  private readonly postings = new PostingLists();
  // Artist term ids per credit: prepared tracks of one act share one credit (see parseArtistCredit), so
  // its words are looked up once per act instead of once per track.
  private readonly creditTerms = new Map<ArtistCredit, readonly number[]>();
  // Per-query accumulators, reused: a typed array indexed by position is far cheaper than a Map when a
  // query touches thousands of postings. Cleared after each query, so answers never depend on history.
  private weights = new Float64Array(0);
  /** Positions with a weight, in the order first touched: `touched[0]` up to `touched[touchedCount]`. */
  private touched = new Int32Array(0);
  private touchedCount = 0;
  private readonly queryTerms: number[] = [];
  // Key visitors made once, not per track or query.
  private readonly newTerm = (): number => this.postings.newTerm();
  private readonly postTitleKey = (key: string): void =>
    this.postings.post(this.titleTerms.intern(key, this.newTerm));
  private readonly postIdentifier = (dictionary: TermDictionary, key: string): void =>
    this.postings.post(dictionary.intern(key, this.newTerm));
  private readonly queryArtistKey = (key: string): void => this.queryTerm(this.artistTerms.find(key));
  private readonly queryTitleKey = (key: string): void => this.queryTerm(this.titleTerms.find(key));
  private readonly queryIdentifier = (dictionary: TermDictionary, key: string): void => {
    const term = dictionary.find(key);
    if (term >= 0) this.accumulate(term, Number.POSITIVE_INFINITY);
  };

  static build<T>(items: Iterable<T>, prepare: (item: T) => PreparedMatchInput): CandidateIndex<T> {
    const index = new CandidateIndex<T>();
    for (const item of items) index.add(item, prepare(item));
    return index;
  }

  get size(): number {
    return this.items.length;
  }

  /** The artist and title words the index holds, in the order first added: what a library costs it. */
  words(): { readonly artist: readonly string[]; readonly title: readonly string[] } {
    return { artist: this.artistTerms.words, title: this.titleTerms.words };
  }

  add(item: T, prepared: PreparedMatchInput): void {
    const position = this.items.push(item) - 1;
    this.prepared.push(prepared);
    const postings = this.postings;
    postings.startEntry(position);
    for (const term of this.artistTermsOf(prepared.artist)) postings.post(term);
    visitTitleKeys(prepared, this.postTitleKey);
    visitIdentifiers(prepared, this.identifierTerms, this.postIdentifier);
  }

  /**
   * Up to `k` tracks most likely to match, best first: every track sharing a Spotify id, ISRC or MBID, then
   * tracks ranked by the summed rarity (IDF) of the artist and title words they share with the query.
   * Words common to more than 2 % of the index are skipped once a rarer word has been used, and tracks
   * sharing less than a third of the best track's weight are dropped.
   */
  candidates(query: PreparedMatchInput, k: number): IndexedTrack<T>[] {
    const size = this.items.length;
    if (this.weights.length < size) {
      this.weights = new Float64Array(size * 2);
      this.touched = new Int32Array(size * 2);
    }
    const postings = this.postings;
    postings.pack();
    visitIdentifiers(query, this.identifierTerms, this.queryIdentifier);
    // Terms in first-seen order, artist words before title words; the stable sort by list length then
    // decides which words are used and the order weights are summed in.
    const terms = this.queryTerms;
    terms.length = 0;
    visitArtistKeys(query.artist, this.queryArtistKey);
    visitTitleKeys(query, this.queryTitleKey);
    terms.sort((x, y) => postings.length(x) - postings.length(y));
    const common = Math.max(COMMON_WORD_FLOOR, size * COMMON_WORD_SHARE);
    for (let rank = 0; rank < terms.length; rank++) {
      const term = terms[rank]!;
      const length = postings.length(term);
      if (rank > 0 && length > common) break;
      this.accumulate(term, Math.log(1 + size / length));
    }
    const touched = this.touched.subarray(0, this.touchedCount);
    const best = topK(touched, this.weights, k, this.relativeFloor(touched));
    for (const position of touched) this.weights[position] = 0;
    this.touchedCount = 0;
    return best.map((position) => ({ item: this.items[position]!, prepared: this.prepared[position]! }));
  }

  private queryTerm(term: number): void {
    if (term >= 0 && !this.queryTerms.includes(term)) this.queryTerms.push(term);
  }

  private artistTermsOf(credit: ArtistCredit): readonly number[] {
    let terms = this.creditTerms.get(credit);
    if (terms === undefined) {
      const found: number[] = [];
      visitArtistKeys(credit, (key) => {
        const term = this.artistTerms.intern(key, this.newTerm);
        if (!found.includes(term)) found.push(term);
      });
      terms = found;
      this.creditTerms.set(credit, terms);
    }
    return terms;
  }

  /** Blocking weight below which a candidate shares too little with the query, next to the best one. */
  private relativeFloor(touched: Int32Array): number {
    let strongest = 0;
    for (const position of touched) {
      const weight = this.weights[position]!;
      if (weight !== Number.POSITIVE_INFINITY && weight > strongest) strongest = weight;
    }
    return strongest * MIN_SHARE_OF_BEST;
  }

  /** Adds `weight` to every position in the term's list. The hottest loop of a query: all in locals. */
  private accumulate(term: number, weight: number): void {
    const positions = this.postings.positions;
    const weights = this.weights;
    const touched = this.touched;
    let count = this.touchedCount;
    for (let slot = this.postings.start(term), end = this.postings.end(term); slot < end; slot++) {
      const position = positions[slot]!;
      const before = weights[position]!;
      if (before === 0) touched[count++] = position;
      weights[position] = before + weight;
    }
    this.touchedCount = count;
  }
}

/** Positions with the k largest weights of at least `floor`, largest first; ties keep first-touched order. */
function topK(positions: Int32Array, weights: Float64Array, k: number, floor: number): number[] {
  const best: number[] = [];
  for (const position of positions) {
    const weight = weights[position]!;
    if (weight < floor) continue;
    if (best.length === k && weight <= weights[best[best.length - 1]!]!) continue;
    let at = best.length;
    while (at > 0 && weights[best[at - 1]!]! < weight) at--;
    best.splice(at, 0, position);
    if (best.length > k) best.pop();
  }
  return best;
}
