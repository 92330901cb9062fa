// Row shape of `import_runs`: one import with its range and progress, the record to resume from.
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'import_runs' })
@Index('idx_import_runs_kind_started_at', ['kind', 'startedAt'])
@Check('ck_import_runs_status', `"status" IN ('running', 'completed', 'failed', 'interrupted')`)
export class ImportRunEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'range_from', type: 'integer', nullable: true })
  rangeFrom!: number | null;

  @Column({ name: 'range_to', type: 'integer', nullable: true })
  rangeTo!: number | null;

  @Column({ type: 'text' })
  status!: string;

  /** JSON of the domain's ImportProgress. */
  @Column({ type: 'text' })
  progress!: string;

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
