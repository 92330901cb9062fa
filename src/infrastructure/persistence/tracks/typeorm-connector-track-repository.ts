// Services' own track records over TypeORM; the bulk upsert runs on the raw connection.
import type { Repository } from 'typeorm';
import type { ConnectorTrackRepository } from '../../../application/ports/connector-track-repository.port.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import { BulkWriter } from '../bulk-writer.js';
import { ConnectorTrackEntity } from './connector-track.entity.js';
import { connectorTrackToDomain, connectorTrackToRow } from './connector-track.mapper.js';
import type { SqliteDatabase } from '../open-database.js';

export class TypeOrmConnectorTrackRepository implements ConnectorTrackRepository {
  private readonly rows: Repository<ConnectorTrackEntity>;
  private readonly upserts: BulkWriter<ConnectorTrackEntity>;

  constructor(private readonly db: SqliteDatabase) {
    this.rows = db.dataSource.getRepository(ConnectorTrackEntity);
    this.upserts = BulkWriter.for(db, ConnectorTrackEntity, {
      conflict: { kind: 'update', keys: ['service', 'externalId'] },
    });
  }

  async upsertMany(tracks: readonly ConnectorTrack[]): Promise<void> {
    const rows = tracks.map(connectorTrackToRow);
    await this.db.unitOfWork.bulk(() => this.upserts.write(rows));
  }

  async find(service: ServiceName, externalId: string): Promise<ConnectorTrack | null> {
    const row = await this.rows.findOneBy({ service, externalId });
    return row === null ? null : connectorTrackToDomain(row);
  }
}
