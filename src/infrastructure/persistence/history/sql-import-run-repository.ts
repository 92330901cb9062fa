// Import runs: one row per import, with its range, progress and owner.
import type {
  ImportRange,
  ImportRunRepository,
} from '../../../application/ports/import-run-repository.port.js';
import {
  EMPTY_PROGRESS,
  type ImportProgress,
  type ImportRun,
  type ImportStatus,
} from '../../../domain/history/import-run.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { ImportRunEntity } from './import-run.entity.js';
import { importRunToDomain, progressToColumn } from './import-run.mapper.js';
import { ownerToColumns } from '../run-row.js';
import type { EngineDatabase } from '../engine-database.js';
import { EntitySql } from '../sql/entity-sql.js';
import { interruptAbandoned, systemProcesses, type ProcessTable } from '../run-owners.js';

const ROWS = new EntitySql(ImportRunEntity);
const INSERT = `${ROWS.insert(['id'])} RETURNING "id" AS "id"`;
const BY_ID = `SELECT ${ROWS.select()} FROM ${ROWS.table} WHERE "id" = ?`;
const LATEST = `SELECT ${ROWS.select()} FROM ${ROWS.table} WHERE "kind" = ?
  ORDER BY "started_at" DESC, "id" DESC LIMIT 1`;
const RUNNING = `SELECT ${ROWS.select()} FROM ${ROWS.table} WHERE "status" = 'running' ORDER BY "id"`;

export class SqlImportRunRepository implements ImportRunRepository {
  constructor(
    private readonly db: EngineDatabase,
    private readonly processes: ProcessTable = systemProcesses,
  ) {}

  async start(kind: string, range: ImportRange, at: EpochMs): Promise<ImportRun> {
    const row: Omit<ImportRunEntity, 'id'> = {
      kind,
      rangeFrom: range.from,
      rangeTo: range.to,
      status: 'running',
      progress: progressToColumn(EMPTY_PROGRESS),
      startedAt: at,
      finishedAt: null,
      error: null,
      ...ownerToColumns(this.processes.current()),
    };
    const inserted = await this.db.unitOfWork.write(() =>
      this.db.sql.one<{ id: number }>(INSERT, ROWS.params(row)),
    );
    return importRunToDomain({ ...row, id: inserted!.id });
  }

  async updateProgress(id: number, progress: ImportProgress): Promise<void> {
    await this.change(id, { progress: progressToColumn(progress) });
  }

  async finish(
    id: number,
    status: Exclude<ImportStatus, 'running'>,
    at: EpochMs,
    error?: string,
  ): Promise<ImportRun> {
    await this.change(id, { status, finishedAt: at, error: error ?? null });
    const row = await this.db.sql.one<Record<string, unknown>>(BY_ID, [id]);
    if (row === undefined) throw notFound(id);
    return importRunToDomain(ROWS.read(row));
  }

  async latest(kind: string): Promise<ImportRun | null> {
    const row = await this.db.sql.one<Record<string, unknown>>(LATEST, [kind]);
    return row === undefined ? null : importRunToDomain(ROWS.read(row));
  }

  async interruptAbandoned(at: EpochMs): Promise<ImportRun[]> {
    const rows = await this.db.sql.all<Record<string, unknown>>(RUNNING);
    const running = rows.map((row) => importRunToDomain(ROWS.read(row)));
    return interruptAbandoned(running, this.processes, (run, reason) =>
      this.finish(run.id, 'interrupted', at, reason),
    );
  }

  private async change(id: number, changes: Partial<Omit<ImportRunEntity, 'id'>>): Promise<void> {
    const properties = Object.keys(changes) as (keyof ImportRunEntity & string)[];
    const { changes: affected } = await this.db.unitOfWork.write(() =>
      this.db.sql.run(ROWS.update(properties, `"id" = @id`), ROWS.params({ ...changes, id })),
    );
    if (affected === 0) throw notFound(id);
  }
}

function notFound(id: number): NaradaError {
  return new NaradaError(
    'DATABASE.NOT_FOUND',
    `Import run ${id} is not in the database; start a run before reporting on it`,
    'failure',
    { details: { importRunId: id } },
  );
}
