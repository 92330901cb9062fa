// Services' own track records: read by key, written by the bulk upsert.
import type { ConnectorTrackRepository } from '../../../application/ports/connector-track-repository.port.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import { BulkWriter } from '../bulk-writer.js';
import { ConnectorTrackEntity } from './connector-track.entity.js';
import { connectorTrackToDomain, connectorTrackToRow } from './connector-track.mapper.js';
import type { EngineDatabase } from '../engine-database.js';
import { EntitySql } from '../sql/entity-sql.js';

const ROWS = new EntitySql(ConnectorTrackEntity);
const FIND = `SELECT ${ROWS.select()} FROM ${ROWS.table} WHERE "service" = ? AND "external_id" = ?`;

export class SqlConnectorTrackRepository implements ConnectorTrackRepository {
  private readonly upserts: BulkWriter<ConnectorTrackEntity>;

  constructor(private readonly db: EngineDatabase) {
    this.upserts = BulkWriter.for(db, ConnectorTrackEntity, {
      conflict: { kind: 'update', keys: ['service', 'externalId'] },
    });
  }

  async upsertMany(tracks: readonly ConnectorTrack[]): Promise<void> {
    const rows = tracks.map(connectorTrackToRow);
    await this.db.unitOfWork.bulk(() => this.upserts.write(rows));
  }

  async find(service: ServiceName, externalId: string): Promise<ConnectorTrack | null> {
    const row = await this.db.sql.one<Record<string, unknown>>(FIND, [service, externalId]);
    return row === undefined ? null : connectorTrackToDomain(ROWS.read(row));
  }
}
