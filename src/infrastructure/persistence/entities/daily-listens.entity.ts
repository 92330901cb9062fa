// Row shape of `daily_listens`: plays rolled up per user, track and UTC day.
import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { TrackEntity } from './track.entity.js';

@Entity({ name: 'daily_listens' })
@Index('idx_daily_listens_track_id_date', ['trackId', 'date'])
export class DailyListensEntity {
  @PrimaryColumn({ type: 'text' })
  user!: string;

  @PrimaryColumn({ name: 'track_id', type: 'integer' })
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
