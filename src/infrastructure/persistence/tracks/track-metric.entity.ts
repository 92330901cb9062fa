// Row shape of `track_metrics`: the latest value of one named metric of a track.
import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { TrackEntity } from './track.entity.js';

@Entity({ name: 'track_metrics' })
export class TrackMetricEntity {
  @PrimaryColumn({ name: 'track_id', type: 'integer' })
  @ForeignKey(() => TrackEntity, { name: 'fk_track_metrics_track_id' })
  trackId!: number;

  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'real' })
  value!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'fetched_at', type: 'integer' })
  fetchedAt!: number;
}
