// Row shape of `plays`: a ledger event interpreted as a listen of an internal track.
import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { ListeningEventEntity } from './listening-event.entity.js';
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

  @Column({ name: 'event_id', type: 'integer' })
  @ForeignKey(() => ListeningEventEntity, { name: 'fk_plays_event_id' })
  eventId!: number;

  @Column({ type: 'text' })
  user!: string;

  @Column({ name: 'track_id', type: 'integer' })
  @ForeignKey(() => TrackEntity, { name: 'fk_plays_track_id' })
  trackId!: number;

  @Column({ name: 'played_at', type: 'integer' })
  playedAt!: number;

  @Column({ name: 'ms_played', type: 'integer', nullable: true })
  msPlayed!: number | null;

  @Column({ name: 'duplicate_of', type: 'integer', nullable: true })
  @ForeignKey(() => PlayEntity, { name: 'fk_plays_duplicate_of' })
  duplicateOf!: number | null;
}
