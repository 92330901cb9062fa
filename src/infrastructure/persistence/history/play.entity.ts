// Row shape of `plays`: a ledger event interpreted as a listen of an internal track.
import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { TrackEntity } from '../tracks/track.entity.js';

@Entity({ name: 'plays' })
@Unique('uq_plays_event_id', ['eventId'])
@Index('idx_plays_track_id', ['trackId'])
@Index('idx_plays_user_played_at', ['user', 'playedAt'])
export class PlayEntity {
  // The rowid, assigned by SQLite (no AUTOINCREMENT: see docs/DATABASE.md). Rows are written by the
  // bulk path only; TypeORM's 'rowid' strategy is not used because its schema diff cannot read it back.
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  // The ledger event's id, unchecked: the ledger refuses every DELETE (migration 1796342400000).
  @Column({ name: 'event_id', type: 'integer' })
  eventId!: number;

  @Column({ type: 'text' })
  user!: string;

  @Column({ name: 'track_id', type: 'integer' })
  // A foreign key on SQLite; on PostgreSQL checked once per statement by trigger (migration 1796428800000).
  @ForeignKey(() => TrackEntity, { name: 'fk_plays_track_id' })
  trackId!: number;

  @Column({ name: 'played_at', type: 'integer' })
  playedAt!: number;

  @Column({ name: 'ms_played', type: 'integer', nullable: true })
  msPlayed!: number | null;

  // The first play of the same listen, unchecked: plays are never deleted (migration 1796342400000).
  @Column({ name: 'duplicate_of', type: 'integer', nullable: true })
  duplicateOf!: number | null;
}
