// Daily listen roll-ups over TypeORM; the bulk upsert runs on the raw connection.
import { Between, type FindOperator, In, LessThanOrEqual, MoreThanOrEqual, type Repository } from 'typeorm';
import type { DailyListensRepository } from '../../../application/ports/daily-listens-repository.port.js';
import type { DailyListens } from '../../../domain/history/play.js';
import type { TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import { chunks } from '../chunks.js';
import { DailyListensEntity } from '../entities/daily-listens.entity.js';
import { dailyListensToDomain, dailyListensToRow } from '../mappers/play.mapper.js';
import type { NaradaDatabase } from '../open-database.js';

export class TypeOrmDailyListensRepository implements DailyListensRepository {
  private readonly rows: Repository<DailyListensEntity>;
  private readonly upserts: BulkWriter<DailyListensEntity>;

  constructor(private readonly db: NaradaDatabase) {
    this.rows = db.dataSource.getRepository(DailyListensEntity);
    this.upserts = BulkWriter.for(db.dataSource, db.sqlite, DailyListensEntity, {
      conflict: { kind: 'update', keys: ['user', 'trackId', 'date'] },
    });
  }

  async upsertMany(rows: readonly DailyListens[]): Promise<void> {
    const entities = rows.map(dailyListensToRow);
    await this.db.unitOfWork.bulk(() => this.upserts.write(entities));
  }

  async forTracks(
    trackIds: readonly TrackId[],
    range: { readonly from?: string; readonly to?: string } = {},
  ): Promise<DailyListens[]> {
    const date = dateBounds(range.from, range.to);
    const found: DailyListens[] = [];
    for (const chunk of chunks([...new Set(trackIds)])) {
      const rows = await this.rows.find({
        where: { trackId: In(chunk), ...(date === undefined ? {} : { date }) },
        order: { trackId: 'ASC', date: 'ASC', user: 'ASC' },
      });
      found.push(...rows.map(dailyListensToDomain));
    }
    return found;
  }
}

// `YYYY-MM-DD` text sorts as the dates do, so plain comparisons bound the range.
function dateBounds(from?: string, to?: string): FindOperator<string> | undefined {
  if (from !== undefined && to !== undefined) return Between(from, to);
  if (from !== undefined) return MoreThanOrEqual(from);
  if (to !== undefined) return LessThanOrEqual(to);
  return undefined;
}
