// Longest strictly increasing subsequence (patience sorting, O(n log n)): the items a playlist
// update can leave where they are, so only the rest have to move.

/**
 * Indices (ascending) of one longest strictly increasing subsequence of `values`. Among equally long
 * answers it returns the one patience sorting finds; callers must not rely on which.
 */
export function longestIncreasingSubsequence(values: ArrayLike<number>): number[] {
  const count = values.length;
  // tails[len] = index of the smallest value that ends an increasing run of length len + 1.
  const tails = new Int32Array(count);
  const previous = new Int32Array(count);
  let length = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    previous[i] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = i;
    if (low === length) length++;
  }
  const result = new Array<number>(length);
  let index = length > 0 ? tails[length - 1]! : -1;
  for (let k = length - 1; k >= 0; k--) {
    result[k] = index;
    index = previous[index]!;
  }
  return result;
}
