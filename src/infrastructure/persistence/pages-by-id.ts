// Reads a whole table in pages by ascending id (keyset paging: no OFFSET, so every page costs the same).
import { MoreThan, type FindOptionsWhere, type Repository } from 'typeorm';

export const DEFAULT_PAGE_SIZE = 5000;

export async function* pagesById<E extends { id: number }, D>(
  rows: Repository<E>,
  toDomain: (row: E) => D,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncIterable<readonly D[]> {
  let after = 0;
  for (;;) {
    const page = await rows.find({
      where: { id: MoreThan(after) } as FindOptionsWhere<E>,
      order: { id: 'ASC' } as never,
      take: pageSize,
    });
    if (page.length === 0) return;
    yield page.map(toDomain);
    after = page[page.length - 1]!.id;
  }
}
