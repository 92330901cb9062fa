// WorkflowRun ↔ `workflow_runs` row: parameters, task results and call counts kept as JSON text.
import type { WorkflowRunDraft } from '../../../application/ports/workflow-run-repository.port.js';
import type { RunStatus, TaskResult, WorkflowRun } from '../../../domain/workflow/workflow-run.js';
import type { WorkflowRunEntity } from './workflow-run.entity.js';
import { ownerToDomain, type OwnerColumns } from '../run-row.js';
import { readChoice, readJson } from '../stored-value.js';

const STATUSES: readonly RunStatus[] = ['running', 'succeeded', 'failed', 'interrupted'];

/** The owner is written once, when the run is first saved; updates leave it. */
export type WorkflowRunRow = Omit<WorkflowRunEntity, 'id' | keyof OwnerColumns>;

export function workflowRunToDomain(row: WorkflowRunEntity): WorkflowRun {
  return Object.freeze({
    id: row.id,
    workflowId: row.workflowId,
    workflowName: row.workflowName,
    status: readChoice(row.status, STATUSES, 'workflow_runs', 'status'),
    dryRun: row.dryRun,
    parameters: readJson<Record<string, string>>(row.parameters, 'workflow_runs', 'parameters'),
    tasks: readJson<TaskResult[]>(row.tasks, 'workflow_runs', 'tasks'),
    apiCalls: readJson<Record<string, number>>(row.apiCalls, 'workflow_runs', 'api_calls'),
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    error: row.error,
    owner: ownerToDomain(row),
  });
}

export function workflowRunToRow(run: WorkflowRunDraft): WorkflowRunRow {
  return {
    workflowId: run.workflowId,
    workflowName: run.workflowName,
    status: run.status,
    dryRun: run.dryRun,
    parameters: JSON.stringify(run.parameters),
    tasks: JSON.stringify(run.tasks),
    apiCalls: JSON.stringify(run.apiCalls),
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
  };
}
