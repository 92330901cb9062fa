// Plays over TypeORM; the bulk insert runs on the raw connection.
import type { Repository } from 'typeorm';
import type { PlayDraft, PlayRepository } from '../../../application/ports/play-repository.port.js';
import type { Play } from '../../../domain/history/play.js';
import type { TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import { PlayEntity } from './play.entity.js';
import { type NewPlayRow, playToDomain, playToRow } from './play.mapper.js';
import type { NaradaDatabase } from '../open-database.js';

export class TypeOrmPlayRepository implements PlayRepository {
  private readonly rows: Repository<PlayEntity>;
  private readonly newRows: BulkWriter<NewPlayRow>;

  constructor(private readonly db: NaradaDatabase) {
    this.rows = db.dataSource.getRepository(PlayEntity);
    // A ledger event is one play at most (unique event_id): re-interpreting skips those already done.
    this.newRows = BulkWriter.for(db.dataSource, db.sqlite, PlayEntity, {
      omit: ['id'],
      conflict: { kind: 'ignore' },
    });
  }

  async insertMany(plays: readonly PlayDraft[]): Promise<number> {
    const rows = plays.map(playToRow);
    return this.db.unitOfWork.bulk(() => this.newRows.write(rows));
  }

  async forTrack(trackId: TrackId): Promise<Play[]> {
    const rows = await this.rows.find({ where: { trackId }, order: { playedAt: 'ASC', id: 'ASC' } });
    return rows.map(playToDomain);
  }

  count(): Promise<number> {
    return this.rows.count();
  }
}
