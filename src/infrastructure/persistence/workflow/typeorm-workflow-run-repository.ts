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
import { insertedRunId, ownerToColumns } from '../run-row.js';
import { workflowRunToDomain, workflowRunToRow } from './workflow-run.mapper.js';
import type { SqliteDatabase } from '../open-database.js';
import { interruptAbandoned, systemProcesses, type ProcessTable } from '../run-owners.js';

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
    return Object.freeze({ ...run, id: insertedRunId(result), owner });
  }

  async interruptAbandoned(at: EpochMs): Promise<WorkflowRun[]> {
    const running = (await this.rows.findBy({ status: 'running' })).map(workflowRunToDomain);
    return interruptAbandoned(running, this.processes, (run, reason) =>
      this.save({ ...run, status: 'interrupted', finishedAt: at, error: reason }),
    );
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
