// Row shape of `track_mappings`: why Narada believes a service record is an internal track.
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { TrackEntity } from './track.entity.js';

@Entity({ name: 'track_mappings' })
@Index('idx_track_mappings_track_id', ['trackId'])
@Index('idx_track_mappings_status', ['status'])
@Check('ck_track_mappings_status', `"status" IN ('accepted', 'review', 'rejected')`)
@Check('ck_track_mappings_confidence', `"confidence" BETWEEN 0 AND 100`)
export class TrackMappingEntity {
  @PrimaryColumn({ type: 'text' })
  service!: string;

  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  @PrimaryColumn({ name: 'track_id', type: 'integer' })
  @ForeignKey(() => TrackEntity, { name: 'fk_track_mappings_track_id' })
  trackId!: number;

  @Column({ type: 'integer' })
  confidence!: number;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  status!: string;

  /** JSON `{ factors, notes }`. */
  @Column({ type: 'text' })
  evidence!: string;

  @Column({ type: 'boolean' })
  pinned!: boolean;

  @Column({ name: 'created_at', type: 'integer' })
  createdAt!: number;

  @Column({ name: 'updated_at', type: 'integer' })
  updatedAt!: number;
}
