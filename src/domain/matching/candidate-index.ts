// Blocking for resolution: an inverted index from normalised artist and title words (and character bigrams
// of words in scripts written without spaces) to tracks, so a query meets only tracks sharing a word with it.
import type { PreparedMatchInput } from './match-input.js';
import type { NameForm } from './normalize.js';

export interface IndexedTrack<T> {
  readonly item: T;
  readonly prepared: PreparedMatchInput;
}

type Field = 'artist' | 'title' | 'identifier';
const LATIN_OR_DIGITS = /^[a-z0-9]+$/;
/** Words in more than this share of the index ("love", "the") are skipped when rarer words are present. */
const COMMON_WORD_SHARE = 0.02;
const COMMON_WORD_FLOOR = 500;
/**
 * A candidate sharing less than a third of the best candidate's blocking weight (one common title word
 * where the best shares the artist and the whole title) is not worth scoring.
 */
const MIN_SHARE_OF_BEST = 1 / 3;

/** The words a form is found by: its tokens, its compact spelling, and character pairs of unspaced scripts. */
function addFormKeys(keys: Set<string>, form: NameForm): void {
  for (const token of form.tokens) {
    keys.add(token);
    // Chinese, Japanese and Thai write no spaces: a title is one "word", so near-identical spellings
    // (traditional vs simplified) only meet through their character pairs.
    if (token.length >= 3 && !LATIN_OR_DIGITS.test(token)) {
      for (let at = 0; at + 2 <= token.length; at++) keys.add(`~${token.slice(at, at + 2)}`);
    }
  }
  if (form.tokens.length > 1) keys.add(form.compact);
}

function artistKeys(prepared: PreparedMatchInput): Set<string> {
  const keys = new Set<string>();
  addFormKeys(keys, prepared.artist.primary);
  for (const name of prepared.artist.names) if (name !== prepared.artist.primary) addFormKeys(keys, name);
  return keys;
}

function titleKeys(prepared: PreparedMatchInput): Set<string> {
  const keys = new Set<string>();
  addFormKeys(keys, prepared.title.main);
  if (prepared.title.full !== prepared.title.main) addFormKeys(keys, prepared.title.full);
  return keys;
}

function identifierKeys(prepared: PreparedMatchInput): string[] {
  const keys: string[] = [];
  if (prepared.spotifyId !== null) keys.push(`spotify:${prepared.spotifyId}`);
  if (prepared.isrc !== null) keys.push(`isrc:${prepared.isrc}`);
  if (prepared.mbid !== null) keys.push(`mbid:${prepared.mbid}`);
  return keys;
}

export class CandidateIndex<T> {
  private readonly entries: IndexedTrack<T>[] = [];
  // One posting map per field, so a word is looked up as it is, without a field prefix to build.
  private readonly postings: Readonly<Record<Field, Map<string, number[]>>> = {
    artist: new Map(),
    title: new Map(),
    identifier: new Map(),
  };
  // Per-query accumulators, reused: a typed array indexed by position is far cheaper than a Map when a
  // query touches thousands of postings. Cleared after each query, so answers never depend on history.
  private weights = new Float64Array(0);
  private touched: number[] = [];

  static build<T>(items: Iterable<T>, prepare: (item: T) => PreparedMatchInput): CandidateIndex<T> {
    const index = new CandidateIndex<T>();
    for (const item of items) index.add(item, prepare(item));
    return index;
  }

  get size(): number {
    return this.entries.length;
  }

  add(item: T, prepared: PreparedMatchInput): void {
    const position = this.entries.push({ item, prepared }) - 1;
    this.post('artist', artistKeys(prepared), position);
    this.post('title', titleKeys(prepared), position);
    this.post('identifier', identifierKeys(prepared), position);
  }

  /**
   * Up to `k` tracks most likely to match, best first: every track sharing a Spotify id, ISRC or MBID, then
   * tracks ranked by the summed rarity (IDF) of the artist and title words they share with the query.
   * Words common to more than 2 % of the index are skipped once a rarer word has been used, and tracks
   * sharing less than a third of the best track's weight are dropped.
   */
  candidates(query: PreparedMatchInput, k: number): IndexedTrack<T>[] {
    if (this.weights.length < this.entries.length) this.weights = new Float64Array(this.entries.length * 2);
    for (const key of identifierKeys(query)) {
      for (const position of this.postings.identifier.get(key) ?? []) {
        this.accumulate(position, Number.POSITIVE_INFINITY);
      }
    }
    const lists: number[][] = [];
    for (const key of artistKeys(query)) this.collect(lists, 'artist', key);
    for (const key of titleKeys(query)) this.collect(lists, 'title', key);
    lists.sort((x, y) => x.length - y.length);
    const common = Math.max(COMMON_WORD_FLOOR, this.entries.length * COMMON_WORD_SHARE);
    for (const [rank, list] of lists.entries()) {
      if (rank > 0 && list.length > common) break;
      const weight = Math.log(1 + this.entries.length / list.length);
      for (const position of list) this.accumulate(position, weight);
    }
    const best = topK(this.touched, this.weights, k, this.relativeFloor());
    for (const position of this.touched) this.weights[position] = 0;
    this.touched = [];
    return best.map((position) => this.entries[position]!);
  }

  private post(field: Field, keys: Iterable<string>, position: number): void {
    const postings = this.postings[field];
    for (const key of keys) {
      const list = postings.get(key);
      if (list === undefined) postings.set(key, [position]);
      else list.push(position);
    }
  }

  private collect(lists: number[][], field: Field, key: string): void {
    const list = this.postings[field].get(key);
    if (list !== undefined) lists.push(list);
  }

  /** Blocking weight below which a candidate shares too little with the query, next to the best one. */
  private relativeFloor(): number {
    let strongest = 0;
    for (const position of this.touched) {
      const weight = this.weights[position]!;
      if (weight !== Number.POSITIVE_INFINITY && weight > strongest) strongest = weight;
    }
    return strongest * MIN_SHARE_OF_BEST;
  }

  private accumulate(position: number, weight: number): void {
    if (this.weights[position] === 0) this.touched.push(position);
    this.weights[position]! += weight;
  }
}

/** Positions with the k largest weights of at least `floor`, largest first; ties keep first-touched order. */
function topK(positions: readonly number[], weights: Float64Array, k: number, floor: number): number[] {
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
