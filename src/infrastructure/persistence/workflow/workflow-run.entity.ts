// Row shape of `workflow_runs`: one run of a workflow and what each task did.
import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'workflow_runs' })
@Check('ck_workflow_runs_status', `"status" IN ('running', 'succeeded', 'failed', 'interrupted')`)
export class WorkflowRunEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ name: 'workflow_name', type: 'text' })
  workflowName!: string;

  @Column({ type: 'text' })
  status!: string;

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

  @Column({ name: 'started_at', type: 'integer' })
  startedAt!: number;

  @Column({ name: 'finished_at', type: 'integer', nullable: true })
  finishedAt!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The process running it (pid, host, process start): to tell a run left by an ended process. */
  @Column({ name: 'owner_pid', type: 'integer', nullable: true })
  ownerPid!: number | null;

  @Column({ name: 'owner_host', type: 'text', nullable: true })
  ownerHost!: string | null;

  @Column({ name: 'owner_started_at', type: 'integer', nullable: true })
  ownerStartedAt!: number | null;
}
