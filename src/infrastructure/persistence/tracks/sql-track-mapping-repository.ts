// Track mappings; the upsert keeps a known link's creation time.
import type { TrackMappingRepository } from '../../../application/ports/track-mapping-repository.port.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { MappingStatus, TrackMapping } from '../../../domain/track/track-mapping.js';
import type { TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import { TrackMappingEntity } from './track-mapping.entity.js';
import { trackMappingToDomain, trackMappingToRow } from './track-mapping.mapper.js';
import type { EngineDatabase } from '../engine-database.js';
import { EntitySql } from '../sql/entity-sql.js';

const ROWS = new EntitySql(TrackMappingEntity);
const SELECT = `SELECT ${ROWS.select()} FROM ${ROWS.table}`;

export class SqlTrackMappingRepository implements TrackMappingRepository {
  private readonly upserts: BulkWriter<TrackMappingEntity>;

  constructor(private readonly db: EngineDatabase) {
    this.upserts = BulkWriter.for(db, TrackMappingEntity, {
      conflict: { kind: 'update', keys: ['service', 'externalId', 'trackId'], keep: ['createdAt'] },
    });
  }

  async upsert(mapping: TrackMapping): Promise<void> {
    const row = trackMappingToRow(mapping);
    await this.db.unitOfWork.write(() => this.upserts.write([row]));
  }

  async forTrack(trackId: TrackId): Promise<TrackMapping[]> {
    return this.select(`${SELECT} WHERE "track_id" = ? ORDER BY "service", "external_id"`, [trackId]);
  }

  async find(service: ServiceName, externalId: string): Promise<TrackMapping[]> {
    return this.select(`${SELECT} WHERE "service" = ? AND "external_id" = ? ORDER BY "track_id"`, [
      service,
      externalId,
    ]);
  }

  async inStatus(status: MappingStatus): Promise<TrackMapping[]> {
    return this.select(`${SELECT} WHERE "status" = ? ORDER BY "created_at", "track_id"`, [status]);
  }

  private async select(sql: string, params: readonly (string | number)[]): Promise<TrackMapping[]> {
    const rows = await this.db.sql.all<Record<string, unknown>>(sql, params);
    return rows.map((row) => trackMappingToDomain(ROWS.read(row)));
  }
}
