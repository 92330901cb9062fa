// Row shape of `sync_checkpoints`: where an incremental sync got to.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'sync_checkpoints' })
export class SyncCheckpointEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text', nullable: true })
  cursor!: string | null;

  /** JSON object. */
  @Column({ type: 'text' })
  state!: string;

  @Column({ name: 'updated_at', type: 'integer' })
  updatedAt!: number;
}
