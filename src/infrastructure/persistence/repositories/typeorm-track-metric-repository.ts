// Track metrics over TypeORM; the bulk upsert runs on the raw connection.
import { In, type Repository } from 'typeorm';
import type { TrackMetricRepository } from '../../../application/ports/track-metric-repository.port.js';
import type { MetricName, TrackMetric } from '../../../domain/track/track-metric.js';
import type { TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import { chunks } from '../chunks.js';
import { TrackMetricEntity } from '../entities/track-metric.entity.js';
import { trackMetricToDomain, trackMetricToRow } from '../mappers/track-metric.mapper.js';
import type { NaradaDatabase } from '../open-database.js';

export class TypeOrmTrackMetricRepository implements TrackMetricRepository {
  private readonly rows: Repository<TrackMetricEntity>;
  private readonly upserts: BulkWriter<TrackMetricEntity>;

  constructor(private readonly db: NaradaDatabase) {
    this.rows = db.dataSource.getRepository(TrackMetricEntity);
    this.upserts = BulkWriter.for(db.dataSource, db.sqlite, TrackMetricEntity, {
      conflict: { kind: 'update', keys: ['trackId', 'name'] },
    });
  }

  async upsertMany(metrics: readonly TrackMetric[]): Promise<void> {
    const rows = metrics.map(trackMetricToRow);
    await this.db.unitOfWork.bulk(() => this.upserts.write(rows));
  }

  async get(trackIds: readonly TrackId[], names: readonly MetricName[]): Promise<TrackMetric[]> {
    if (names.length === 0) return [];
    const found: TrackMetric[] = [];
    for (const chunk of chunks([...new Set(trackIds)])) {
      const rows = await this.rows.find({
        where: { trackId: In(chunk), name: In([...names]) },
        order: { trackId: 'ASC', name: 'ASC' },
      });
      found.push(...rows.map(trackMetricToDomain));
    }
    return found;
  }
}
