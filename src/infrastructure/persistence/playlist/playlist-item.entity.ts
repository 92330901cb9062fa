// Row shape of `playlist_items`: one position of a playlist.
import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { PlaylistEntity } from './playlist.entity.js';
import { TrackEntity } from '../tracks/track.entity.js';

@Entity({ name: 'playlist_items' })
@Index('idx_playlist_items_track_id', ['trackId'])
export class PlaylistItemEntity {
  @PrimaryColumn({ name: 'playlist_id', type: 'integer' })
  @ForeignKey(() => PlaylistEntity, { name: 'fk_playlist_items_playlist_id', onDelete: 'CASCADE' })
  playlistId!: number;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ name: 'track_id', type: 'integer' })
  @ForeignKey(() => TrackEntity, { name: 'fk_playlist_items_track_id' })
  trackId!: number;

  @Column({ name: 'added_at', type: 'integer', nullable: true })
  addedAt!: number | null;

  @Column({ name: 'added_by', type: 'text', nullable: true })
  addedBy!: string | null;
}
