// A Fenwick (binary indexed) tree of 0/1 marks: "how many marked slots lie before this one" in
// O(log n), which turns "where is this item in the playlist now?" into a cheap query.

export class FenwickTree {
  private readonly tree: Int32Array;

  constructor(readonly size: number) {
    this.tree = new Int32Array(size + 1);
  }

  add(slot: number, delta: number): void {
    for (let i = slot + 1; i <= this.size; i += i & -i) this.tree[i]! += delta;
  }

  /** Sum of the marks in slots [0, slot). */
  countBefore(slot: number): number {
    let sum = 0;
    for (let i = slot; i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }
}
