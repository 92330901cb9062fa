// Bulk find-or-create of the internal tracks behind listens: one look-up per service for a batch's
// records through their accepted mappings, then new provisional tracks (with connector record and
// creating mapping) for the rest, all in one transaction. Known connector records are kept as they are.
import {
  type ProvisionalTrackStore,
  type UpstreamTrack,
  upstreamKey,
} from '../../../application/ports/provisional-track-store.port.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import { trackMapping } from '../../../domain/track/track-mapping.js';
import type { TrackId } from '../../../domain/track/track.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { BulkWriter } from '../bulk-writer.js';
import { chunks } from '../chunks.js';
import { ConnectorTrackEntity } from '../tracks/connector-track.entity.js';
import { TrackMappingEntity } from '../tracks/track-mapping.entity.js';
import { TrackEntity } from '../tracks/track.entity.js';
import { connectorTrackToRow } from '../tracks/connector-track.mapper.js';
import { trackMappingToRow } from '../tracks/track-mapping.mapper.js';
import { type NewTrackRow, trackDraftToRow } from '../tracks/track.mapper.js';
import type { EngineDatabase } from '../engine-database.js';
import { sqlList } from '../sql/sql-runner.js';

/** A track made from one service's record is only that service's word for it (as identity ingestion has it). */
const PROVISIONAL_CONFIDENCE = 50;

export class SqlProvisionalTrackStore implements ProvisionalTrackStore {
  private readonly mapped: string;
  private readonly newTracks: BulkWriter<NewTrackRow>;
  private readonly newRecords: BulkWriter<ConnectorTrackEntity>;
  private readonly newMappings: BulkWriter<TrackMappingEntity>;

  constructor(private readonly db: EngineDatabase) {
    // A merged track's mappings are re-pointed by the merge; following merged_into keeps a stale one harmless.
    this.mapped = `SELECT m."external_id" AS "externalId", COALESCE(t."merged_into", t."id") AS "trackId"
         FROM "track_mappings" m JOIN "tracks" t ON t."id" = m."track_id"
        WHERE m."service" = ? AND m."status" = 'accepted'
          AND m."external_id" ${db.sql.dialect.inList('?', 'text')}
        ORDER BY m."track_id"`;
    this.newTracks = BulkWriter.for(db, TrackEntity, {
      omit: ['id'],
      conflict: { kind: 'fail' },
    });
    this.newRecords = BulkWriter.for(db, ConnectorTrackEntity, {
      conflict: { kind: 'ignore' },
    });
    this.newMappings = BulkWriter.for(db, TrackMappingEntity, {
      conflict: { kind: 'ignore' },
    });
  }

  tracksFor(records: readonly UpstreamTrack[], at: EpochMs): Promise<ReadonlyMap<string, TrackId>> {
    return this.db.unitOfWork.write(async () => {
      const found = await this.findMapped(records);
      const missing = records.filter((r) => !found.has(upstreamKey(r.service, r.externalId)));
      if (missing.length > 0) await this.create(missing, at, found);
      return found;
    });
  }

  private async findMapped(records: readonly UpstreamTrack[]): Promise<Map<string, TrackId>> {
    const found = new Map<string, TrackId>();
    const byService = new Map<ServiceName, string[]>();
    for (const r of records) {
      const ids = byService.get(r.service);
      if (ids === undefined) byService.set(r.service, [r.externalId]);
      else ids.push(r.externalId);
    }
    for (const [service, ids] of byService) {
      for (const chunk of chunks(ids)) {
        const rows = await this.db.sql.all<{ externalId: string; trackId: number }>(this.mapped, [
          service,
          sqlList(chunk),
        ]);
        for (const row of rows) {
          const key = upstreamKey(service, row.externalId);
          if (!found.has(key)) found.set(key, row.trackId);
        }
      }
    }
    return found;
  }

  private async create(
    records: readonly UpstreamTrack[],
    at: EpochMs,
    found: Map<string, TrackId>,
  ): Promise<void> {
    const ids = await this.newTracks.insertEach(
      records.map((r) =>
        trackDraftToRow(
          {
            title: r.title,
            artists: r.artists,
            album: r.album,
            durationMs: null,
            releaseDate: null,
            isrc: null,
            mbid: null,
            confidence: PROVISIONAL_CONFIDENCE,
            source: r.source,
          },
          at,
        ),
      ),
    );
    await this.newRecords.write(
      records.map((r) =>
        connectorTrackToRow({
          service: r.service,
          externalId: r.externalId,
          title: r.title,
          artists: r.artists,
          album: r.album,
          durationMs: null,
          isrc: null,
          releaseDate: null,
          attributes: r.attributes,
          raw: r.raw,
          fetchedAt: at,
        }),
      ),
    );
    await this.newMappings.write(
      records.map((r, i) =>
        trackMappingToRow(
          trackMapping({
            trackId: ids[i]!,
            service: r.service,
            externalId: r.externalId,
            confidence: 100,
            method: r.method,
            status: 'accepted',
            evidence: {
              factors: [],
              notes: [`track created from a listen's ${r.service} record (${r.source})`],
            },
            pinned: false,
            createdAt: at,
            updatedAt: at,
          }),
        ),
      ),
    );
    records.forEach((r, i) => found.set(upstreamKey(r.service, r.externalId), ids[i]!));
  }
}
