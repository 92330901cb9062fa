// IdentityLookup on the raw SQLite handle: each look-up is one statement whatever the number of keys
// (the keys travel as one JSON array), and mapping writes are one multi-row upsert.
import type Database from 'better-sqlite3';
import type { IdentityLookup, ServiceRecordRef } from '../../../application/ports/identity-lookup.port.js';
import type { TrackMapping } from '../../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import type { TrackEntity } from './track.entity.js';
import { TrackMappingEntity } from './track-mapping.entity.js';
import { trackMappingToRow } from './track-mapping.mapper.js';
import type { SqliteDatabase } from '../open-database.js';
import {
  jsonList,
  MAPPING_COLUMNS,
  rowToMapping,
  rowToTrack,
  TRACK_COLUMNS,
  type RawMappingRow,
} from './identity-rows.js';

export class SqliteIdentityLookup implements IdentityLookup {
  private readonly accepted: Database.Statement<[string], RawMappingRow>;
  private readonly ofTracks: Database.Statement<[string], RawMappingRow>;
  private readonly byIsrc: Database.Statement<[string], TrackEntity>;
  private readonly byMbid: Database.Statement<[string], TrackEntity>;
  private readonly standingPage: Database.Statement<[number, number], TrackEntity>;
  private readonly upserts: BulkWriter<TrackMappingEntity>;

  constructor(private readonly db: SqliteDatabase) {
    const { sqlite } = db;
    this.accepted = sqlite.prepare(
      `SELECT ${MAPPING_COLUMNS} FROM "track_mappings" m
       WHERE m."status" = 'accepted' AND (m."service", m."external_id") IN
         (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
    );
    this.ofTracks = sqlite.prepare(
      `SELECT ${MAPPING_COLUMNS} FROM "track_mappings" m WHERE m."track_id" IN (SELECT value FROM json_each(?))
       ORDER BY m."track_id", m."service", m."external_id"`,
    );
    this.byIsrc = sqlite.prepare(
      `SELECT ${TRACK_COLUMNS} FROM "tracks" t WHERE t."isrc" IN (SELECT value FROM json_each(?)) ORDER BY t."id"`,
    );
    this.byMbid = sqlite.prepare(
      `SELECT ${TRACK_COLUMNS} FROM "tracks" t WHERE t."mbid" IN (SELECT value FROM json_each(?)) ORDER BY t."id"`,
    );
    this.standingPage = sqlite.prepare(
      `SELECT ${TRACK_COLUMNS} FROM "tracks" t WHERE t."id" > ? AND t."status" != 'merged' ORDER BY t."id" LIMIT ?`,
    );
    this.upserts = BulkWriter.for(db, TrackMappingEntity, {
      conflict: { kind: 'update', keys: ['service', 'externalId', 'trackId'], keep: ['createdAt'] },
    });
  }

  async acceptedMappings(refs: readonly ServiceRecordRef[]): Promise<TrackMapping[]> {
    if (refs.length === 0) return [];
    return this.accepted.all(jsonList(refs.map((ref) => [ref.service, ref.externalId]))).map(rowToMapping);
  }

  async mappingsOfTracks(trackIds: readonly TrackId[]): Promise<TrackMapping[]> {
    return trackIds.length === 0 ? [] : this.ofTracks.all(jsonList(trackIds)).map(rowToMapping);
  }

  async tracksByIsrc(isrcs: readonly string[]): Promise<Track[]> {
    return isrcs.length === 0 ? [] : this.byIsrc.all(jsonList(isrcs)).map(rowToTrack);
  }

  async tracksByMbid(mbids: readonly string[]): Promise<Track[]> {
    return mbids.length === 0 ? [] : this.byMbid.all(jsonList(mbids)).map(rowToTrack);
  }

  async *standingTracks(pageSize: number): AsyncIterable<readonly Track[]> {
    let after = 0;
    for (;;) {
      const page = this.standingPage.all(after, pageSize).map(rowToTrack);
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1]!.id;
    }
  }

  async upsertMappings(mappings: readonly TrackMapping[]): Promise<void> {
    if (mappings.length === 0) return;
    const rows = mappings.map(trackMappingToRow);
    await this.db.unitOfWork.bulk(() => this.upserts.write(rows));
  }
}
