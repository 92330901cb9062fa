// Row shape of `playlists`: a service's playlist or one that lives only in Narada.
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity({ name: 'playlists' })
@Unique('uq_playlists_service_external_id', ['service', 'externalId'])
export class PlaylistEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** NULL for an internal playlist (SQLite lets many NULL pairs pass the unique constraint). */
  @Column({ type: 'text', nullable: true })
  service!: string | null;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  owner!: string | null;

  @Column({ name: 'is_public', type: 'boolean', nullable: true })
  isPublic!: boolean | null;

  @Column({ type: 'boolean' })
  collaborative!: boolean;

  @Column({ name: 'snapshot_id', type: 'text', nullable: true })
  snapshotId!: string | null;

  @Column({ name: 'updated_at', type: 'integer' })
  updatedAt!: number;
}
