// Splits long id lists so an `IN (...)` stays far below SQLite's bound-parameter limit.

export const IN_LIST_CHUNK = 500;

export function chunks<T>(items: readonly T[], size = IN_LIST_CHUNK): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
