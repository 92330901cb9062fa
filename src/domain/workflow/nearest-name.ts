// "Did you mean …?" for typed names (node types, task ids, parameters): the closest candidate by
// edit distance, if it is close enough to be a likely typo.

/**
 * The candidate nearest to `input` (case-insensitive; adjacent swaps count as one edit), or null
 * when none is within a third of the input's length. A dotted candidate also matches on its last
 * segment, so `limit_tracks` suggests `selector.limit_tracks`. Ties go to the earlier candidate.
 */
export function nearestName(input: string, candidates: Iterable<string>): string | null {
  const wanted = input.toLowerCase();
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | null = null;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const lastSegment = lower.slice(lower.lastIndexOf('.') + 1);
    const distance = Math.min(editDistance(wanted, lower), editDistance(wanted, lastSegment));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      }
      row.push(distance);
    }
    beforePrevious = previous;
    previous = row;
  }
  return previous[b.length]!;
}
