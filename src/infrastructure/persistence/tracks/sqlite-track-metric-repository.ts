// Track metrics: the bulk upsert and the bulk read both run on the raw connection, since a workflow
// asks for tens of thousands of rows at once and TypeORM's `find` costs more than the query itself.
import type Database from 'better-sqlite3';
import type { TrackMetricRepository } from '../../../application/ports/track-metric-repository.port.js';
import type { MetricName, TrackMetric } from '../../../domain/track/track-metric.js';
import type { TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import { chunks, IN_LIST_CHUNK } from '../chunks.js';
import { TrackMetricEntity } from './track-metric.entity.js';
import { trackMetricToDomain, trackMetricToRow } from './track-metric.mapper.js';
import type { SqliteDatabase } from '../open-database.js';

const COLUMNS = `"track_id" AS trackId, "name" AS name, "value" AS value, "source" AS source,
  "fetched_at" AS fetchedAt`;

export class SqliteTrackMetricRepository implements TrackMetricRepository {
  private readonly upserts: BulkWriter<TrackMetricEntity>;
  /** Prepared reads by number of names; every chunk of ids is padded to the full IN-list length. */
  private readonly reads = new Map<number, Database.Statement<unknown[], TrackMetricEntity>>();

  constructor(private readonly db: SqliteDatabase) {
    this.upserts = BulkWriter.for(db, TrackMetricEntity, {
      conflict: { kind: 'update', keys: ['trackId', 'name'] },
    });
  }

  async upsertMany(metrics: readonly TrackMetric[]): Promise<void> {
    const rows = metrics.map(trackMetricToRow);
    await this.db.unitOfWork.bulk(() => this.upserts.write(rows));
  }

  /** Ordered by track id then name within each chunk of ids, as the TypeORM read before it was. */
  async get(trackIds: readonly TrackId[], names: readonly MetricName[]): Promise<TrackMetric[]> {
    const wanted = [...new Set(names)];
    if (wanted.length === 0) return [];
    const found: TrackMetric[] = [];
    const read = this.readFor(wanted.length);
    for (const chunk of chunks([...new Set(trackIds)])) {
      // Repeating an id pads the list without changing the result, so one statement serves every chunk.
      const ids = [...chunk, ...Array.from({ length: IN_LIST_CHUNK - chunk.length }, () => chunk[0])];
      for (const row of read.all(...ids, ...wanted)) found.push(trackMetricToDomain(row));
    }
    return found;
  }

  private readFor(names: number): Database.Statement<unknown[], TrackMetricEntity> {
    let statement = this.reads.get(names);
    if (statement === undefined) {
      statement = this.db.sqlite.prepare<unknown[], TrackMetricEntity>(
        `SELECT ${COLUMNS} FROM "track_metrics" WHERE "track_id" IN (${placeholders(IN_LIST_CHUNK)})
         AND "name" IN (${placeholders(names)}) ORDER BY "track_id", "name"`,
      );
      this.reads.set(names, statement);
    }
    return statement;
  }
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
