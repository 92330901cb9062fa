// Reads a whole table in pages by ascending id (keyset paging: no OFFSET, so every page costs the same).
import type { EngineDatabase } from './engine-database.js';
import type { EntitySql } from './sql/entity-sql.js';

export const DEFAULT_PAGE_SIZE = 5000;

export async function* pagesById<E extends { id: number }, D>(
  db: EngineDatabase,
  rows: EntitySql<E>,
  toDomain: (row: E) => D,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncIterable<readonly D[]> {
  const sql = `SELECT ${rows.select()} FROM ${rows.table} WHERE "id" > ? ORDER BY "id" LIMIT ?`;
  let after = 0;
  for (;;) {
    const page = (await db.sql.all<Record<string, unknown>>(sql, [after, pageSize])).map((r) => rows.read(r));
    if (page.length === 0) return;
    yield page.map(toDomain);
    after = page[page.length - 1]!.id;
  }
}
