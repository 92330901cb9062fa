// `narada tracks compare <pairs.jsonl>`: the resolver's own scorer over pairs given line by line, one
// result per pair in input order, without holding the file in memory. A bad line stops the run there.
import { comparePair, parseCompareLine, type CompareOutput } from '../../../domain/matching/compare-pairs.js';

export async function* compareTrackPairs(lines: AsyncIterable<string>): AsyncGenerator<CompareOutput> {
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    const pair = parseCompareLine(line, lineNumber);
    if (pair !== null) yield comparePair(pair);
  }
}
