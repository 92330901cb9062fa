// ImportRun ↔ `import_runs` row: progress kept as JSON text.
import type { ImportProgress, ImportRun, ImportStatus } from '../../../domain/history/import-run.js';
import type { ImportRunEntity } from './import-run.entity.js';
import { ownerToDomain } from '../run-row.js';
import { readChoice, readJson } from '../stored-value.js';

const STATUSES: readonly ImportStatus[] = ['running', 'completed', 'failed', 'interrupted'];

export function importRunToDomain(row: ImportRunEntity): ImportRun {
  return Object.freeze({
    id: row.id,
    kind: row.kind,
    rangeFrom: row.rangeFrom,
    rangeTo: row.rangeTo,
    status: readChoice(row.status, STATUSES, 'import_runs', 'status'),
    progress: Object.freeze(readJson<ImportProgress>(row.progress, 'import_runs', 'progress')),
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    error: row.error,
    owner: ownerToDomain(row),
  });
}

export function progressToColumn(progress: ImportProgress): string {
  return JSON.stringify(progress);
}
