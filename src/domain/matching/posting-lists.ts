// The candidate index's posting lists as integers: for each term id, the positions of the entries that
// posted it, ascending. Pairs are appended while entries are added and packed into one flat array (one
// run per term) before the next look-up, so 100,000 tracks cost a few typed arrays, not 100,000 lists.

const INITIAL_CAPACITY = 1024;

function doubled(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

export class PostingLists {
  private termCount = 0;
  // (term, position) pairs in the order they were posted, so positions ascend within each term.
  private pairTerms: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private pairPositions: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private pairCount = 0;
  private entry = -1;
  private entryFirstPair = 0;
  // Packed form: the positions of term t are `positions[offsets[t]]` up to `positions[offsets[t + 1]]`.
  private offsets = new Int32Array(1);
  private packedPositions = new Int32Array(0);
  private packed = true;

  newTerm(): number {
    this.packed = false;
    return this.termCount++;
  }

  /** Later `post` calls are for the entry at `position`; positions must be added in increasing order. */
  startEntry(position: number): void {
    this.entry = position;
    this.entryFirstPair = this.pairCount;
  }

  /** Records that the current entry holds `term`; a term posted twice for one entry counts once. */
  post(term: number): void {
    const count = this.pairCount;
    const terms = this.pairTerms;
    for (let at = this.entryFirstPair; at < count; at++) if (terms[at] === term) return;
    if (count === terms.length) this.growPairs();
    this.pairTerms[count] = term;
    this.pairPositions[count] = this.entry;
    this.pairCount = count + 1;
    this.packed = false;
  }

  private growPairs(): void {
    this.pairTerms = doubled(this.pairTerms);
    this.pairPositions = doubled(this.pairPositions);
  }

  /** Packs the pairs posted since the last look-up; call before reading lists. */
  pack(): void {
    if (this.packed) return;
    const terms = this.termCount;
    const offsets = new Int32Array(terms + 1);
    for (let at = 0; at < this.pairCount; at++) offsets[this.pairTerms[at]! + 1]!++;
    for (let term = 0; term < terms; term++) offsets[term + 1]! += offsets[term]!;
    const cursor = offsets.slice(0, terms);
    const positions = new Int32Array(this.pairCount);
    for (let at = 0; at < this.pairCount; at++) {
      positions[cursor[this.pairTerms[at]!]!++] = this.pairPositions[at]!;
    }
    this.offsets = offsets;
    this.packedPositions = positions;
    this.packed = true;
  }

  length(term: number): number {
    return this.offsets[term + 1]! - this.offsets[term]!;
  }

  /** First slot of the term's list in `positions`; its slots run up to `end(term)`. */
  start(term: number): number {
    return this.offsets[term]!;
  }

  end(term: number): number {
    return this.offsets[term + 1]!;
  }

  /** Every list, one after another; read between `start` and `end`, valid until the next `pack`. */
  get positions(): Int32Array {
    return this.packedPositions;
  }
}
