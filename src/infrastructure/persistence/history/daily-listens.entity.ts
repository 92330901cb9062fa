// Row shape of `daily_listens`: plays rolled up per user, track and UTC day. The table is keyed
// (user, date, track_id) WITHOUT ROWID and has no index by track (migration 1795478400000).
import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { TrackEntity } from '../tracks/track.entity.js';

@Entity({ name: 'daily_listens', withoutRowid: true })
export class DailyListensEntity {
  @PrimaryColumn({ type: 'text' })
  user!: string;

  @PrimaryColumn({ name: 'track_id', type: 'integer' })
  // A foreign key on SQLite; on PostgreSQL checked once per statement by trigger (migration 1796428800000).
  @ForeignKey(() => TrackEntity, { name: 'fk_daily_listens_track_id' })
  trackId!: number;

  /** UTC calendar date `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'text' })
  date!: string;

  @Column({ name: 'listen_count', type: 'integer' })
  listenCount!: number;

  @Column({ name: 'total_ms_played', type: 'integer' })
  totalMsPlayed!: number;
}
