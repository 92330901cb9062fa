// Row shape of `listening_events`, the append-only ledger of listens exactly as received.
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

@Entity({ name: 'listening_events' })
@Unique('uq_listening_events_natural_key', ['user', 'source', 'playedAt', 'trackKey'])
export class ListeningEventEntity {
  // The rowid, assigned by SQLite (no AUTOINCREMENT: see docs/DATABASE.md). Rows are written by the
  // bulk path only; TypeORM's 'rowid' strategy is not used because its schema diff cannot read it back.
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  user!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'played_at', type: 'integer' })
  playedAt!: number;

  @Column({ name: 'track_key', type: 'text' })
  trackKey!: string;

  @Column({ name: 'ms_played', type: 'integer', nullable: true })
  msPlayed!: number | null;

  /** The upstream record as received, byte for byte. */
  @Column({ type: 'text' })
  payload!: string;

  // An import run's id, unchecked: runs are never deleted (migration 1796342400000).
  @Column({ name: 'import_run_id', type: 'integer', nullable: true })
  importRunId!: number | null;
}
