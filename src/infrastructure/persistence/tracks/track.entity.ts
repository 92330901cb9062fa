// Row shape of `tracks`: Narada's internal tracks. Decorators live here, never in the domain.
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'tracks' })
@Index('idx_tracks_isrc', ['isrc'])
@Index('idx_tracks_mbid', ['mbid'])
@Index('idx_tracks_status', ['status'])
@Index('idx_tracks_merged_into', ['mergedInto'])
@Check('ck_tracks_status', `"status" IN ('provisional', 'resolved', 'canonical', 'merged')`)
@Check('ck_tracks_merged_into', `("status" = 'merged') = ("merged_into" IS NOT NULL)`)
export class TrackEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  title!: string;

  /** JSON array of credited artists in credit order. */
  @Column({ type: 'text' })
  artists!: string;

  @Column({ name: 'primary_artist', type: 'text' })
  primaryArtist!: string;

  @Column({ type: 'text', nullable: true })
  album!: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  @Column({ name: 'release_date', type: 'text', nullable: true })
  releaseDate!: string | null;

  @Column({ type: 'text', nullable: true })
  isrc!: string | null;

  @Column({ type: 'text', nullable: true })
  mbid!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'real' })
  confidence!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'merged_into', type: 'integer', nullable: true })
  @ForeignKey(() => TrackEntity, { name: 'fk_tracks_merged_into' })
  mergedInto!: number | null;

  @Column({ name: 'created_at', type: 'integer' })
  createdAt!: number;

  @Column({ name: 'updated_at', type: 'integer' })
  updatedAt!: number;
}
