// Track mappings over TypeORM; the upsert keeps a known link's creation time.
import type { Repository } from 'typeorm';
import type { TrackMappingRepository } from '../../../application/ports/track-mapping-repository.port.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { MappingStatus, TrackMapping } from '../../../domain/track/track-mapping.js';
import type { TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import { TrackMappingEntity } from './track-mapping.entity.js';
import { trackMappingToDomain, trackMappingToRow } from './track-mapping.mapper.js';
import type { SqliteDatabase } from '../open-database.js';

export class TypeOrmTrackMappingRepository implements TrackMappingRepository {
  private readonly rows: Repository<TrackMappingEntity>;
  private readonly upserts: BulkWriter<TrackMappingEntity>;

  constructor(private readonly db: SqliteDatabase) {
    this.rows = db.dataSource.getRepository(TrackMappingEntity);
    this.upserts = BulkWriter.for(db, TrackMappingEntity, {
      conflict: { kind: 'update', keys: ['service', 'externalId', 'trackId'], keep: ['createdAt'] },
    });
  }

  async upsert(mapping: TrackMapping): Promise<void> {
    const row = trackMappingToRow(mapping);
    await this.db.unitOfWork.write(() => this.upserts.write([row]));
  }

  async forTrack(trackId: TrackId): Promise<TrackMapping[]> {
    const rows = await this.rows.find({ where: { trackId }, order: { service: 'ASC', externalId: 'ASC' } });
    return rows.map(trackMappingToDomain);
  }

  async find(service: ServiceName, externalId: string): Promise<TrackMapping[]> {
    const rows = await this.rows.find({ where: { service, externalId }, order: { trackId: 'ASC' } });
    return rows.map(trackMappingToDomain);
  }

  async inStatus(status: MappingStatus): Promise<TrackMapping[]> {
    const rows = await this.rows.find({ where: { status }, order: { createdAt: 'ASC', trackId: 'ASC' } });
    return rows.map(trackMappingToDomain);
  }
}
