// StoredRecordCheck: one statement reads the stored records without their wire
// JSON (most of each row), and an unchanged record gets only its fetch time written, not the whole row.
import type { StoredRecordCheck } from '../../../application/ports/stored-record-check.port.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import { ConnectorTrackEntity } from './connector-track.entity.js';
import { connectorTrackToRow } from './connector-track.mapper.js';
import type { EngineDatabase } from '../engine-database.js';
import { entityTable } from '../sql/entity-columns.js';
import { jsonPairs } from './identity-rows.js';

type StoredRow = Readonly<Record<string, unknown>> & {
  readonly service: string;
  readonly externalId: string;
  readonly fetchedAt: number;
};

export class SqlStoredRecords implements StoredRecordCheck {
  private readonly stored: string;
  private readonly touch = `UPDATE "connector_tracks" SET "fetched_at" = ? WHERE "service" = ? AND "external_id" = ?`;

  constructor(private readonly db: EngineDatabase) {
    // Every column but `raw`, named after the entity's properties, so a new column is compared too.
    const columns = entityTable(ConnectorTrackEntity)
      .columns.filter((column) => column.property !== 'raw')
      .map((column) => `c."${column.name}" AS "${column.property}"`);
    this.stored = `SELECT ${columns.join(', ')} FROM "connector_tracks" c
       WHERE (c."service", c."external_id") ${db.sql.dialect.inTextPairs('?')}`;
  }

  async refreshUnchanged(records: readonly ConnectorTrack[]): Promise<ReadonlySet<ConnectorTrack>> {
    if (records.length === 0) return new Set();
    const stored = new Map<string, StoredRow>();
    const pairs = jsonPairs(records.map((r) => [r.service, r.externalId] as const));
    for (const row of await this.db.sql.all<StoredRow>(this.stored, [pairs])) {
      stored.set(keyOf(row.service, row.externalId), row);
    }
    const unchanged = new Set<ConnectorTrack>();
    const moved: ConnectorTrack[] = [];
    for (const record of records) {
      const row = stored.get(keyOf(record.service, record.externalId));
      if (row === undefined || !sameContent(row, record)) continue;
      unchanged.add(record);
      // The full upsert this replaces would have written the given time, earlier or later.
      if (row.fetchedAt !== record.fetchedAt) moved.push(record);
    }
    if (moved.length > 0) {
      await this.db.unitOfWork.bulk(async () => {
        for (const record of moved) {
          await this.db.sql.run(this.touch, [record.fetchedAt, record.service, record.externalId]);
        }
      });
    }
    return unchanged;
  }
}

function keyOf(service: string, externalId: string): string {
  return `${service}:${externalId}`;
}

/** Compared as stored text, through the same mapper that writes the row; the wire JSON is left out. */
function sameContent(row: StoredRow, record: ConnectorTrack): boolean {
  const given: Readonly<Record<string, unknown>> = { ...connectorTrackToRow({ ...record, raw: null }) };
  for (const [property, value] of Object.entries(row)) {
    if (property !== 'fetchedAt' && given[property] !== value) return false;
  }
  return true;
}
