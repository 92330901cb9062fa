// Word → term id for the candidate index: an open-addressing hash table over typed arrays. Indexing a
// library meets hundreds of thousands of words, most of them new (each title's compact spelling), and a
// `Map` pays for an entry object and rehashing on each of them; this pays a few array writes.

const INITIAL_SLOTS = 1024;

/** FNV-1a over UTF-16 units: fast on the short words of names, and spreads similar words apart. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  return hash;
}

export class TermDictionary {
  // slots[i] is 1 + the entry stored there, 0 when free; entries hold the key, its hash and its term id.
  private slots = new Int32Array(INITIAL_SLOTS);
  private readonly keys: string[] = [];
  private hashes = new Int32Array(INITIAL_SLOTS / 2);
  private terms = new Int32Array(INITIAL_SLOTS / 2);

  /** Every key added, in the order first added. */
  get words(): readonly string[] {
    return this.keys;
  }

  /** The term id of `key`, or -1 when it was never added. */
  find(key: string): number {
    const hash = hashOf(key);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] === hash && this.keys[entry] === key) return this.terms[entry]!;
    }
  }

  /** The term id of `key`; a new key gets `newTerm()`. */
  intern(key: string, newTerm: () => number): number {
    const hash = hashOf(key);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === hash && this.keys[entry] === key) return this.terms[entry]!;
    }
    const entry = this.keys.push(key) - 1;
    if (entry === this.hashes.length) this.growEntries();
    const term = newTerm();
    this.hashes[entry] = hash;
    this.terms[entry] = term;
    this.slots[slot] = entry + 1;
    // At most half the slots in use keeps probe runs short.
    if (this.keys.length * 2 > this.slots.length) this.growSlots();
    return term;
  }

  private growEntries(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const terms = new Int32Array(this.terms.length * 2);
    terms.set(this.terms);
    this.terms = terms;
  }

  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.keys.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}
