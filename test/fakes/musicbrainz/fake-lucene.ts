// Just enough Lucene for the fake's recording search: `field:(terms)`, `field:"phrase"`, `field:term`,
// bare terms (title), backslash escapes, AND / OR (AND binds tighter; juxtaposed clauses mean AND).

export interface LuceneClause {
  readonly field: string;
  /** Lower-cased words of the value (letters and digits), escapes removed. */
  readonly terms: readonly string[];
  /** The unescaped value as written, for exact fields like `isrc`. */
  readonly value: string;
  readonly phrase: boolean;
}

/** OR of AND-groups. */
export type LuceneQuery = ReadonlyArray<readonly LuceneClause[]>;

const DEFAULT_FIELD = 'recording';

export function parseLucene(query: string): LuceneQuery {
  const groups: LuceneClause[][] = [[]];
  let i = 0;
  const skipSpace = () => {
    while (i < query.length && /\s/.test(query[i]!)) i++;
  };
  const readUntil = (stop: (ch: string) => boolean): string => {
    let out = '';
    while (i < query.length && !stop(query[i]!)) {
      if (query[i] === '\\' && i + 1 < query.length) i++;
      out += query[i];
      i++;
    }
    return out;
  };
  for (skipSpace(); i < query.length; skipSpace()) {
    const operator = /^(AND|OR)(?=[\s(]|$)/.exec(query.slice(i));
    if (operator) {
      i += operator[0].length;
      if (operator[0] === 'OR') groups.push([]);
      continue;
    }
    const field = /^([a-z][a-z-]*):/.exec(query.slice(i));
    if (field) i += field[0].length;
    let value: string;
    let phrase = false;
    if (query[i] === '(') {
      i++;
      value = readUntil((ch) => ch === ')');
      i++;
    } else if (query[i] === '"') {
      i++;
      value = readUntil((ch) => ch === '"');
      i++;
      phrase = true;
    } else {
      value = readUntil((ch) => /[\s()]/.test(ch));
    }
    groups
      .at(-1)!
      .push({ field: field?.[1] ?? DEFAULT_FIELD, terms: words(value), value: value.trim(), phrase });
  }
  return groups.filter((group) => group.length > 0);
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * 0–100: each clause scores the share of its terms found in the field (a phrase must appear in
 * order; `isrc` must match whole); a group needs every clause to score; the best group wins.
 */
export function scoreQuery(query: LuceneQuery, fieldValues: (field: string) => readonly string[]): number {
  let best = 0;
  for (const group of query) {
    const scores = group.map((clause) => clauseScore(clause, fieldValues(clause.field)));
    if (scores.some((score) => score === 0)) continue;
    best = Math.max(best, scores.reduce((a, b) => a + b, 0) / scores.length);
  }
  return Math.round(best * 100);
}

function clauseScore(clause: LuceneClause, values: readonly string[]): number {
  if (clause.field === 'isrc')
    return values.some((v) => v.toUpperCase() === clause.value.toUpperCase()) ? 1 : 0;
  if (clause.terms.length === 0) return 0;
  if (clause.phrase) {
    const wanted = clause.terms.join(' ');
    return values.some((v) => ` ${words(v).join(' ')} `.includes(` ${wanted} `)) ? 1 : 0;
  }
  const present = new Set(values.flatMap(words));
  return clause.terms.filter((term) => present.has(term)).length / clause.terms.length;
}
