// IdentityLookup: each look-up is one statement whatever the number of keys (the keys travel as one
// list parameter), and mapping writes are one multi-row upsert.
import type { IdentityLookup, ServiceRecordRef } from '../../../application/ports/identity-lookup.port.js';
import type { TrackMapping } from '../../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import type { EngineDatabase } from '../engine-database.js';
import { sqlList } from '../sql/sql-runner.js';
import type { TrackEntity } from './track.entity.js';
import { TrackMappingEntity } from './track-mapping.entity.js';
import { trackMappingToRow } from './track-mapping.mapper.js';
import {
  jsonPairs,
  MAPPING_COLUMNS,
  rowToMapping,
  rowToTrack,
  TRACK_COLUMNS,
  type RawMappingRow,
} from './identity-rows.js';

export class SqlIdentityLookup implements IdentityLookup {
  private readonly accepted: string;
  private readonly ofTracks: string;
  private readonly byIsrc: string;
  private readonly byMbid: string;
  private readonly standingPage: string;
  private readonly upserts: BulkWriter<TrackMappingEntity>;

  constructor(private readonly db: EngineDatabase) {
    const { dialect } = db.sql;
    this.accepted = `SELECT ${MAPPING_COLUMNS} FROM "track_mappings" m
       WHERE m."status" = 'accepted' AND (m."service", m."external_id") ${dialect.inTextPairs('?')}`;
    this.ofTracks = `SELECT ${MAPPING_COLUMNS} FROM "track_mappings" m WHERE m."track_id" ${dialect.inList('?', 'integer')}
       ORDER BY m."track_id", m."service", m."external_id"`;
    this.byIsrc = `SELECT ${TRACK_COLUMNS} FROM "tracks" t WHERE t."isrc" ${dialect.inList('?', 'text')} ORDER BY t."id"`;
    this.byMbid = `SELECT ${TRACK_COLUMNS} FROM "tracks" t WHERE t."mbid" ${dialect.inList('?', 'text')} ORDER BY t."id"`;
    this.standingPage = `SELECT ${TRACK_COLUMNS} FROM "tracks" t WHERE t."id" > ? AND t."status" != 'merged' ORDER BY t."id" LIMIT ?`;
    this.upserts = BulkWriter.for(db, TrackMappingEntity, {
      conflict: { kind: 'update', keys: ['service', 'externalId', 'trackId'], keep: ['createdAt'] },
    });
  }

  async acceptedMappings(refs: readonly ServiceRecordRef[]): Promise<TrackMapping[]> {
    if (refs.length === 0) return [];
    const pairs = jsonPairs(refs.map((ref) => [ref.service, ref.externalId] as const));
    return (await this.db.sql.all<RawMappingRow>(this.accepted, [pairs])).map(rowToMapping);
  }

  async mappingsOfTracks(trackIds: readonly TrackId[]): Promise<TrackMapping[]> {
    if (trackIds.length === 0) return [];
    return (await this.db.sql.all<RawMappingRow>(this.ofTracks, [sqlList(trackIds)])).map(rowToMapping);
  }

  async tracksByIsrc(isrcs: readonly string[]): Promise<Track[]> {
    if (isrcs.length === 0) return [];
    return (await this.db.sql.all<TrackEntity>(this.byIsrc, [sqlList(isrcs)])).map(rowToTrack);
  }

  async tracksByMbid(mbids: readonly string[]): Promise<Track[]> {
    if (mbids.length === 0) return [];
    return (await this.db.sql.all<TrackEntity>(this.byMbid, [sqlList(mbids)])).map(rowToTrack);
  }

  async *standingTracks(pageSize: number): AsyncIterable<readonly Track[]> {
    let after = 0;
    for (;;) {
      const page = (await this.db.sql.all<TrackEntity>(this.standingPage, [after, pageSize])).map(rowToTrack);
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
