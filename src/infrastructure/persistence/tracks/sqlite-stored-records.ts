// StoredRecordCheck on the raw SQLite handle: one statement reads the stored records without their wire
// JSON (most of each row), and an unchanged record gets only its fetch time written, not the whole row.
import type Database from 'better-sqlite3';
import type { StoredRecordCheck } from '../../../application/ports/stored-record-check.port.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import { ConnectorTrackEntity } from './connector-track.entity.js';
import { connectorTrackToRow } from './connector-track.mapper.js';
import type { SqliteDatabase } from '../open-database.js';
import { jsonList } from './identity-rows.js';

type StoredRow = Readonly<Record<string, unknown>> & {
  readonly service: string;
  readonly externalId: string;
  readonly fetchedAt: number;
};

export class SqliteStoredRecords implements StoredRecordCheck {
  private readonly stored: Database.Statement<[string], StoredRow>;
  private readonly touch: Database.Statement<[number, string, string]>;

  constructor(private readonly db: SqliteDatabase) {
    // Every column but `raw`, named after the entity's properties, so a new column is compared too.
    const metadata = db.dataSource.getMetadata(ConnectorTrackEntity);
    const columns = metadata.columns
      .filter((column) => column.propertyName !== 'raw')
      .map((column) => `c."${column.databaseName}" AS "${column.propertyName}"`);
    this.stored = db.sqlite.prepare(
      `SELECT ${columns.join(', ')} FROM "connector_tracks" c WHERE (c."service", c."external_id") IN
         (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
    );
    this.touch = db.sqlite.prepare(
      `UPDATE "connector_tracks" SET "fetched_at" = ? WHERE "service" = ? AND "external_id" = ?`,
    );
  }

  async refreshUnchanged(records: readonly ConnectorTrack[]): Promise<ReadonlySet<ConnectorTrack>> {
    if (records.length === 0) return new Set();
    const stored = new Map<string, StoredRow>();
    for (const row of this.stored.all(jsonList(records.map((r) => [r.service, r.externalId])))) {
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
      await this.db.unitOfWork.bulk(() => {
        for (const record of moved) this.touch.run(record.fetchedAt, record.service, record.externalId);
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
