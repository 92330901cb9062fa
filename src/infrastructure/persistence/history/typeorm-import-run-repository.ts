// Import runs over TypeORM.
import type { Repository } from 'typeorm';
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
import { insertedRunId, ownerToColumns } from '../run-row.js';
import type { SqliteDatabase } from '../open-database.js';
import { interruptAbandoned, systemProcesses, type ProcessTable } from '../run-owners.js';

export class TypeOrmImportRunRepository implements ImportRunRepository {
  private readonly rows: Repository<ImportRunEntity>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly processes: ProcessTable = systemProcesses,
  ) {
    this.rows = db.dataSource.getRepository(ImportRunEntity);
  }

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
    const result = await this.db.unitOfWork.write(() => this.rows.insert(row));
    return importRunToDomain({ ...row, id: insertedRunId(result) });
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
    const row = await this.rows.findOneByOrFail({ id });
    return importRunToDomain(row);
  }

  async latest(kind: string): Promise<ImportRun | null> {
    const row = await this.rows.findOne({ where: { kind }, order: { startedAt: 'DESC', id: 'DESC' } });
    return row === null ? null : importRunToDomain(row);
  }

  async interruptAbandoned(at: EpochMs): Promise<ImportRun[]> {
    const running = (await this.rows.findBy({ status: 'running' })).map(importRunToDomain);
    return interruptAbandoned(running, this.processes, (run, reason) =>
      this.finish(run.id, 'interrupted', at, reason),
    );
  }

  private async change(id: number, changes: Partial<Omit<ImportRunEntity, 'id'>>): Promise<void> {
    const { affected } = await this.db.unitOfWork.write(() => this.rows.update({ id }, changes));
    if (affected === 0) {
      throw new NaradaError(
        'DATABASE.NOT_FOUND',
        `Import run ${id} is not in the database; start a run before reporting on it`,
        'failure',
        { details: { importRunId: id } },
      );
    }
  }
}
