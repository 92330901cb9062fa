// Row shape of `import_runs`: one import with its range and progress, the record to resume from.
import { Check, Column, Entity, Index } from 'typeorm';
import { RunRowColumns } from '../run-row.js';

@Entity({ name: 'import_runs' })
@Index('idx_import_runs_kind_started_at', ['kind', 'startedAt'])
@Check('ck_import_runs_status', `"status" IN ('running', 'completed', 'failed', 'interrupted')`)
export class ImportRunEntity extends RunRowColumns {
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'range_from', type: 'integer', nullable: true })
  rangeFrom!: number | null;

  @Column({ name: 'range_to', type: 'integer', nullable: true })
  rangeTo!: number | null;

  /** JSON of the domain's ImportProgress. */
  @Column({ type: 'text' })
  progress!: string;
}
