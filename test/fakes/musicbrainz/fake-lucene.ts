// Just enough Lucene for the fake's searches: `field:(terms)`, `field:(A OR B …)`, `field:"phrase"`,
// `field:term`, bare terms (title), backslash escapes, AND / OR (AND binds tighter; juxtaposed
// clauses mean AND). Malformed queries and too many clauses are refused, as the search server does.

export interface LuceneOption {
  /** The unescaped value as written, for exact fields like `isrc` and `rid`. */
  readonly value: string;
  /** Lower-cased words of the value (letters and digits). */
  readonly terms: readonly string[];
}

export interface LuceneClause {
  readonly field: string;
  /** The clause's value; more than one when it OR-s values inside parentheses: `rid:(A OR B)`. */
  readonly options: readonly LuceneOption[];
  readonly phrase: boolean;
}

/** OR of AND-groups. */
export type LuceneQuery = ReadonlyArray<readonly LuceneClause[]>;

/** Lucene's default BooleanQuery.maxClauseCount, which the search server keeps. */
export const MAX_CLAUSES = 1024;

export class LuceneSyntaxError extends Error {}

const DEFAULT_FIELD = 'recording';

export function parseLucene(query: string): LuceneQuery {
  const groups: LuceneClause[][] = [[]];
  let i = 0;
  let pendingOperator = false;
  const skipSpace = () => {
    while (i < query.length && /\s/.test(query[i]!)) i++;
  };
  const readUntil = (stop: (ch: string) => boolean, closing?: string): string => {
    let out = '';
    while (i < query.length && !stop(query[i]!)) {
      if (query[i] === '\\' && i + 1 < query.length) i++;
      out += query[i];
      i++;
    }
    if (closing !== undefined) {
      if (query[i] !== closing) throw new LuceneSyntaxError(`missing ${closing} at the end of the query`);
      i++;
    }
    return out;
  };
  for (skipSpace(); i < query.length; skipSpace()) {
    const operator = /^(AND|OR)(?=[\s(]|$)/.exec(query.slice(i));
    if (operator) {
      if (pendingOperator || groups.at(-1)!.length === 0)
        throw new LuceneSyntaxError(`${operator[0]} without a clause before it`);
      i += operator[0].length;
      pendingOperator = true;
      if (operator[0] === 'OR') groups.push([]);
      continue;
    }
    if (query[i] === ')') throw new LuceneSyntaxError(`unexpected ) at character ${i + 1}`);
    const field = /^([a-z][a-z-]*):/.exec(query.slice(i));
    if (field) i += field[0].length;
    let options: LuceneOption[];
    let phrase = false;
    if (query[i] === '(') {
      i++;
      const inner = readUntil((ch) => ch === ')', ')');
      options = inner.split(/\s+OR\s+/).map(option);
    } else if (query[i] === '"') {
      i++;
      options = [option(readUntil((ch) => ch === '"', '"'))];
      phrase = true;
    } else {
      options = [option(readUntil((ch) => /[\s()]/.test(ch)))];
    }
    if (options.some((o) => o.value === ''))
      throw new LuceneSyntaxError(`empty value for ${field?.[1] ?? DEFAULT_FIELD}`);
    pendingOperator = false;
    groups.at(-1)!.push({ field: field?.[1] ?? DEFAULT_FIELD, options, phrase });
  }
  if (pendingOperator) throw new LuceneSyntaxError('the query ends with an operator');
  const clauses = groups.flat().reduce((n, clause) => n + clause.options.length, 0);
  if (clauses > MAX_CLAUSES)
    throw new LuceneSyntaxError(`too many boolean clauses (${clauses} > ${MAX_CLAUSES})`);
  return groups.filter((group) => group.length > 0);
}

function option(value: string): LuceneOption {
  return { value: value.trim(), terms: words(value) };
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Fields holding identifiers: a value matches whole (case aside) or not at all. */
const EXACT_FIELDS = new Set(['isrc', 'rid', 'rgid', 'reid', 'arid']);

/**
 * 0–100: each clause scores its best option's share of terms found in the field (a phrase must appear
 * in order; identifiers must match whole); a group needs every clause to score; the best group wins.
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

/** An id clause's values, upper-cased once: a batch of 100 ids is matched against every recording. */
const exactValues = new WeakMap<LuceneClause, ReadonlySet<string>>();

function clauseScore(clause: LuceneClause, values: readonly string[]): number {
  if (!EXACT_FIELDS.has(clause.field))
    return Math.max(...clause.options.map((o) => optionScore(clause, o, values)));
  let wanted = exactValues.get(clause);
  if (wanted === undefined) {
    wanted = new Set(clause.options.map((o) => o.value.toUpperCase()));
    exactValues.set(clause, wanted);
  }
  return values.some((v) => wanted.has(v.toUpperCase())) ? 1 : 0;
}

function optionScore(clause: LuceneClause, option: LuceneOption, values: readonly string[]): number {
  if (option.terms.length === 0) return 0;
  if (clause.phrase) {
    const wanted = option.terms.join(' ');
    return values.some((v) => ` ${words(v).join(' ')} `.includes(` ${wanted} `)) ? 1 : 0;
  }
  const present = new Set(values.flatMap(words));
  return option.terms.filter((term) => present.has(term)).length / option.terms.length;
}
