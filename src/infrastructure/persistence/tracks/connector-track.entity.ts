// Row shape of `connector_tracks`: each service's own record of a track, with the wire JSON kept.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'connector_tracks' })
export class ConnectorTrackEntity {
  @PrimaryColumn({ type: 'text' })
  service!: string;

  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'text' })
  title!: string;

  /** JSON array of credited artists in credit order. */
  @Column({ type: 'text' })
  artists!: string;

  @Column({ type: 'text', nullable: true })
  album!: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'text', nullable: true })
  isrc!: string | null;

  @Column({ name: 'release_date', type: 'text', nullable: true })
  releaseDate!: string | null;

  /** JSON object of typed service-specific facts. */
  @Column({ type: 'text' })
  attributes!: string;

  /** The wire JSON as received. */
  @Column({ type: 'text' })
  raw!: string;

  @Column({ name: 'fetched_at', type: 'integer' })
  fetchedAt!: number;
}
