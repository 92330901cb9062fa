// Row shape of `http_cache`: upstream responses that do not change (MusicBrainz look-ups).
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'http_cache' })
export class HttpCacheEntity {
  @PrimaryColumn({ type: 'text' })
  service!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'fetched_at', type: 'integer' })
  fetchedAt!: number;
}
