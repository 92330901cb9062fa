// Track metrics: the bulk upsert and the bulk read both run through the SQL runner, since a workflow
// asks for tens of thousands of rows at once and TypeORM's `find` costs more than the query itself.
import type { TrackMetricRepository } from '../../../application/ports/track-metric-repository.port.js';
import type { MetricName, TrackMetric } from '../../../domain/track/track-metric.js';
import type { TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import { chunks, IN_LIST_CHUNK } from '../chunks.js';
import { TrackMetricEntity } from './track-metric.entity.js';
import { trackMetricToDomain, trackMetricToRow } from './track-metric.mapper.js';
import type { EngineDatabase } from '../engine-database.js';

const COLUMNS = `"track_id" AS "trackId", "name" AS "name", "value" AS "value", "source" AS "source",
  "fetched_at" AS "fetchedAt"`;

export class SqlTrackMetricRepository implements TrackMetricRepository {
  private readonly upserts: BulkWriter<TrackMetricEntity>;
  constructor(private readonly db: EngineDatabase) {
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
      for (const row of await this.db.sql.all<TrackMetricEntity>(read, [...ids, ...wanted])) {
        found.push(trackMetricToDomain(row));
      }
    }
    return found;
  }

  /** `substr` rather than LIKE, so a prefix holding `%` or `_` means itself (plain SQL on both engines). */
  async withPrefix(trackIds: readonly TrackId[], prefix: string): Promise<TrackMetric[]> {
    const found: TrackMetric[] = [];
    const read = `SELECT ${COLUMNS} FROM "track_metrics" WHERE "track_id" IN (${placeholders(IN_LIST_CHUNK)})
       AND substr("name", 1, ?) = ? ORDER BY "track_id", "name"`;
    for (const chunk of chunks([...new Set(trackIds)])) {
      const ids = [...chunk, ...Array.from({ length: IN_LIST_CHUNK - chunk.length }, () => chunk[0])];
      for (const row of await this.db.sql.all<TrackMetricEntity>(read, [...ids, prefix.length, prefix])) {
        found.push(trackMetricToDomain(row));
      }
    }
    return found;
  }

  /** The read for a number of names; every chunk of ids is padded to the full IN-list length (one statement). */
  private readFor(names: number): string {
    return `SELECT ${COLUMNS} FROM "track_metrics" WHERE "track_id" IN (${placeholders(IN_LIST_CHUNK)})
         AND "name" IN (${placeholders(names)}) ORDER BY "track_id", "name"`;
  }
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
