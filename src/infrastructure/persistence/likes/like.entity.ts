// Row shape of `likes`: a liked record on a service, linked to the internal track.
import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { TrackEntity } from '../tracks/track.entity.js';

@Entity({ name: 'likes' })
@Index('idx_likes_track_id', ['trackId'])
export class LikeEntity {
  @PrimaryColumn({ type: 'text' })
  service!: string;

  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ name: 'track_id', type: 'integer' })
  @ForeignKey(() => TrackEntity, { name: 'fk_likes_track_id' })
  trackId!: number;

  @Column({ name: 'liked_at', type: 'integer', nullable: true })
  likedAt!: number | null;
}
