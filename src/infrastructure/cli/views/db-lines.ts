// What `narada db copy` prints: the copy's two sides, the rows per table, and what was verified.
import type { CopyDatabaseResult } from '../../../application/use-cases/db/copy-database.js';

export function copyLines(result: CopyDatabaseResult): string[] {
  const width = Math.max(...result.tables.map((t) => t.table.length), 5);
  const checksum =
    result.ledger === null ? 'no ledger' : `ledger checksum ${result.ledger.sha256.slice(0, 16)}…`;
  return [
    `${result.resumed ? 'Finished the unfinished copy' : 'Copied'} ${result.source} → ${result.target}`,
    ...result.tables.map((t) => `  ${t.table.padEnd(width)}  ${t.rows}`),
    `verified: ${result.tables.length} tables, ${result.rows} rows, ${checksum}`,
  ];
}
