// The references PostgreSQL checks by statement trigger instead of by foreign key (migration
// 1796428800000): each is a trigger on the referring table that runs `narada_reference_check` with the
// key's name, the referring column, the target table and its column. Read from the database itself,
// so whatever orders or compares tables by their foreign keys sees these references too.

export interface CheckedReference {
  /** The referring table. */
  readonly table: string;
  /** The name of the foreign key the triggers stand for. */
  readonly name: string;
  readonly column: string;
  readonly parent: string;
  readonly parentColumn: string;
}

/** The checked references of one referring table (`?`) in the current schema, one row each. */
export const CHECKED_REFERENCES = `SELECT DISTINCT c.relname AS "table", x.a[1] AS "name", x.a[2] AS "column",
       x.a[3] AS "parent", x.a[4] AS "parentColumn"
  FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid
  JOIN pg_proc p ON p.oid = t.tgfoid
  CROSS JOIN LATERAL (SELECT string_to_array(encode(t.tgargs, 'escape'), '\\000') AS a) x
 WHERE p.proname = 'narada_reference_check'
   AND c.relnamespace = CAST(current_schema() AS regnamespace)
   AND c.relname = ?
 ORDER BY 1, 2`;
