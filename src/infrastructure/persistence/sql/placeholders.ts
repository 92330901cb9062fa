// `?` and `@name` placeholders → PostgreSQL's `$n`, outside string literals, quoted names and comments.
// A named parameter used twice gets one number, so it is bound once.

export interface PostgresStatement {
  readonly text: string;
  /** For named parameters: the name bound to each `$n`, in order; empty for positional ones. */
  readonly names: readonly string[];
}

const cache = new Map<string, PostgresStatement>();

export function toPostgres(sql: string): PostgresStatement {
  const known = cache.get(sql);
  if (known !== undefined) return known;
  const statement = translate(sql);
  if (cache.size > 2000) cache.clear();
  cache.set(sql, statement);
  return statement;
}

function translate(sql: string): PostgresStatement {
  let out = '';
  let positional = 0;
  const names: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = closing(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      positional += 1;
      out += `$${positional}`;
      i += 1;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      let end = i + 1;
      while (end < sql.length && /[A-Za-z0-9_]/.test(sql[end]!)) end += 1;
      const name = sql.slice(i + 1, end);
      let index = names.indexOf(name);
      if (index === -1) index = names.push(name) - 1;
      out += `$${index + 1}`;
      i = end;
    } else {
      out += c;
      i += 1;
    }
  }
  if (positional > 0 && names.length > 0) {
    throw new Error('A statement mixes ? and @name placeholders');
  }
  return { text: out, names };
}

/** The index just past the literal or quoted name opening at `start` (doubled quotes stay inside). */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}
