// Workflow runs: one row per run, its task results and call counts as JSON.
import type {
  WorkflowRunDraft,
  WorkflowRunRepository,
} from '../../../application/ports/workflow-run-repository.port.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { WorkflowRun } from '../../../domain/workflow/workflow-run.js';
import { WorkflowRunEntity } from './workflow-run.entity.js';
import { ownerToColumns } from '../run-row.js';
import { workflowRunToDomain, workflowRunToRow } from './workflow-run.mapper.js';
import type { EngineDatabase } from '../engine-database.js';
import { EntitySql } from '../sql/entity-sql.js';
import { interruptAbandoned, systemProcesses, type ProcessTable } from '../run-owners.js';

const ROWS = new EntitySql(WorkflowRunEntity);
const INSERT = `${ROWS.insert(['id'])} RETURNING "id" AS "id"`;
const SELECT = `SELECT ${ROWS.select()} FROM ${ROWS.table}`;

export class SqlWorkflowRunRepository implements WorkflowRunRepository {
  constructor(
    private readonly db: EngineDatabase,
    private readonly processes: ProcessTable = systemProcesses,
  ) {}

  private async select(where: string, params: readonly (string | number)[]): Promise<WorkflowRun[]> {
    const rows = await this.db.sql.all<Record<string, unknown>>(`${SELECT} ${where}`, params);
    return rows.map((row) => workflowRunToDomain(ROWS.read(row)));
  }

  async save(run: WorkflowRun | WorkflowRunDraft): Promise<WorkflowRun> {
    const row = workflowRunToRow(run);
    if ('id' in run) {
      const properties = Object.keys(row) as (keyof WorkflowRunEntity & string)[];
      const { changes } = await this.db.unitOfWork.write(() =>
        this.db.sql.run(ROWS.update(properties, `"id" = @id`), ROWS.params({ ...row, id: run.id })),
      );
      if (changes === 0) {
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
    const inserted = await this.db.unitOfWork.write(() =>
      this.db.sql.one<{ id: number }>(INSERT, ROWS.params({ ...row, ...ownerToColumns(owner) })),
    );
    return Object.freeze({ ...run, id: inserted!.id, owner });
  }

  async interruptAbandoned(at: EpochMs): Promise<WorkflowRun[]> {
    const running = await this.select(`WHERE "status" = 'running' ORDER BY "id"`, []);
    return interruptAbandoned(running, this.processes, (run, reason) =>
      this.save({ ...run, status: 'interrupted', finishedAt: at, error: reason }),
    );
  }

  async list(limit: number): Promise<WorkflowRun[]> {
    return this.select(`ORDER BY "id" DESC LIMIT ?`, [limit]);
  }

  async get(id: number): Promise<WorkflowRun | null> {
    return (await this.select(`WHERE "id" = ?`, [id]))[0] ?? null;
  }
}
