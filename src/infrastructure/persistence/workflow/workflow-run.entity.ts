// Row shape of `workflow_runs`: one run of a workflow and what each task did.
import { Check, Column, Entity } from 'typeorm';
import { RunRowColumns } from '../run-row.js';

@Entity({ name: 'workflow_runs' })
@Check('ck_workflow_runs_status', `"status" IN ('running', 'succeeded', 'failed', 'interrupted')`)
export class WorkflowRunEntity extends RunRowColumns {
  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ name: 'workflow_name', type: 'text' })
  workflowName!: string;

  @Column({ name: 'dry_run', type: 'boolean' })
  dryRun!: boolean;

  /** JSON object of the `--param` values. */
  @Column({ type: 'text' })
  parameters!: string;

  /** JSON array of task results. */
  @Column({ type: 'text' })
  tasks!: string;

  /** JSON object: calls per `"service METHOD /endpoint"`. */
  @Column({ name: 'api_calls', type: 'text' })
  apiCalls!: string;
}
