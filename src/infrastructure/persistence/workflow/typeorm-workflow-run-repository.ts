// Workflow runs over TypeORM.
import type { Repository } from 'typeorm';
import type {
  WorkflowRunDraft,
  WorkflowRunRepository,
} from '../../../application/ports/workflow-run-repository.port.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { WorkflowRun } from '../../../domain/workflow/workflow-run.js';
import { WorkflowRunEntity } from './workflow-run.entity.js';
import { ownerToColumns } from '../run-owner.mapper.js';
import { workflowRunToDomain, workflowRunToRow } from './workflow-run.mapper.js';
import type { SqliteDatabase } from '../open-database.js';
import { abandonedReason, systemProcesses, type ProcessTable } from '../run-owners.js';

export class TypeOrmWorkflowRunRepository implements WorkflowRunRepository {
  private readonly rows: Repository<WorkflowRunEntity>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly processes: ProcessTable = systemProcesses,
  ) {
    this.rows = db.dataSource.getRepository(WorkflowRunEntity);
  }

  async save(run: WorkflowRun | WorkflowRunDraft): Promise<WorkflowRun> {
    const row = workflowRunToRow(run);
    if ('id' in run) {
      const { affected } = await this.db.unitOfWork.write(() => this.rows.update({ id: run.id }, row));
      if (affected === 0) {
        throw new NaradaError(
          'DATABASE.NOT_FOUND',
          `Workflow run ${run.id} is not in the database; save it without an id to add it`,
          'failure',
          { details: { workflowRunId: run.id } },
        );
      }
      return run;
    }
    const owner = this.processes.current();
    const result = await this.db.unitOfWork.write(() =>
      this.rows.insert({ ...row, ...ownerToColumns(owner) }),
    );
    // TypeORM types generated keys loosely; the entity's primary key is the integer `id`.
    return Object.freeze({ ...run, id: Number((result.identifiers[0] as { id: number }).id), owner });
  }

  async interruptAbandoned(at: EpochMs): Promise<WorkflowRun[]> {
    // Read first: a live run elsewhere may hold the write lock, and there is usually nothing to mark.
    const running = (await this.rows.findBy({ status: 'running' })).map(workflowRunToDomain);
    const marked: WorkflowRun[] = [];
    for (const run of running.filter((r) => this.processes.hasEnded(r.owner))) {
      const interrupted = { ...run, status: 'interrupted' as const, finishedAt: at };
      marked.push(await this.save({ ...interrupted, error: abandonedReason(run.owner) }));
    }
    return marked;
  }

  async list(limit: number): Promise<WorkflowRun[]> {
    const rows = await this.rows.find({ order: { id: 'DESC' }, take: limit });
    return rows.map(workflowRunToDomain);
  }

  async get(id: number): Promise<WorkflowRun | null> {
    const row = await this.rows.findOneBy({ id });
    return row === null ? null : workflowRunToDomain(row);
  }
}
