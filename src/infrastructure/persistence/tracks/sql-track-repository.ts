// Internal tracks over the SQL runner, with the bulk insert and merge paths.
import type { TrackRepository } from '../../../application/ports/track-repository.port.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { Track, TrackDraft, TrackId } from '../../../domain/track/track.js';
import type { Isrc } from '../../../domain/values/isrc.js';
import type { Mbid } from '../../../domain/values/mbid.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { BulkWriter } from '../bulk-writer.js';
import { pagesById } from '../pages-by-id.js';
import { chunks } from '../chunks.js';
import { TrackEntity } from './track.entity.js';
import { type NewTrackRow, trackDraftToRow, trackToDomain, trackToRow } from './track.mapper.js';
import type { EngineDatabase } from '../engine-database.js';
import { EntitySql } from '../sql/entity-sql.js';
import { sqlList } from '../sql/sql-runner.js';
import { TrackMergeStatements } from './track-merge.js';

const TRACK_PAGE_SIZE = 1000;
const ROWS = new EntitySql(TrackEntity);
const SELECT = `SELECT ${ROWS.select()} FROM ${ROWS.table}`;

export class SqlTrackRepository implements TrackRepository {
  private readonly newRows: BulkWriter<NewTrackRow>;
  private readonly merges: TrackMergeStatements;
  private readonly byIds: string;

  constructor(private readonly db: EngineDatabase) {
    this.byIds = `${SELECT} WHERE "id" ${db.sql.dialect.inList('?', 'integer')}`;
    this.newRows = BulkWriter.for(db, TrackEntity, {
      omit: ['id'],
      conflict: { kind: 'fail' },
    });
    this.merges = new TrackMergeStatements(db);
  }

  private async select(sql: string, params: Parameters<EngineDatabase['sql']['all']>[1]): Promise<Track[]> {
    return (await this.db.sql.all<Record<string, unknown>>(sql, params)).map((row) =>
      trackToDomain(ROWS.read(row)),
    );
  }

  async findById(id: TrackId): Promise<Track | null> {
    return (await this.select(`${SELECT} WHERE "id" = ?`, [id]))[0] ?? null;
  }

  async findByIds(ids: readonly TrackId[]): Promise<Track[]> {
    const byId = new Map<TrackId, Track>();
    for (const chunk of chunks([...new Set(ids)])) {
      for (const track of await this.select(this.byIds, [sqlList(chunk)])) byId.set(track.id, track);
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async findByIsrc(isrc: Isrc): Promise<Track[]> {
    return this.select(`${SELECT} WHERE "isrc" = ? ORDER BY "id"`, [isrc.value]);
  }

  async findByMbid(mbid: Mbid): Promise<Track[]> {
    return this.select(`${SELECT} WHERE "mbid" = ? ORDER BY "id"`, [mbid.value]);
  }

  async insert(draft: TrackDraft, at: EpochMs): Promise<Track> {
    const row = trackDraftToRow(draft, at);
    const [id] = await this.db.unitOfWork.bulk(() => this.newRows.insertEach([row]));
    return trackToDomain({ ...row, id: id! });
  }

  async insertMany(drafts: readonly TrackDraft[], at: EpochMs): Promise<TrackId[]> {
    // Mapping (and each Track's validation) happens before the transaction opens.
    const rows = drafts.map((draft) => trackDraftToRow(draft, at));
    return this.db.unitOfWork.bulk(() => this.newRows.insertEach(rows));
  }

  async update(track: Track): Promise<void> {
    const { id, createdAt: _unchanged, ...changes } = trackToRow(track);
    const properties = Object.keys(changes) as (keyof TrackEntity & string)[];
    const result = await this.db.unitOfWork.write(() =>
      this.db.sql.run(ROWS.update(properties, `"id" = @id`), ROWS.params({ ...changes, id })),
    );
    if (result.changes === 0) {
      throw new NaradaError(
        'DATABASE.NOT_FOUND',
        `Track ${id} is not in the database; insert it before updating it`,
        'failure',
        { details: { trackId: id } },
      );
    }
  }

  async recordMerge(merged: Track): Promise<void> {
    const row = trackToRow(merged);
    return this.db.unitOfWork.bulk(() => this.merges.run(row));
  }

  async count(): Promise<number> {
    return (await this.db.sql.one<{ n: number }>(`SELECT COUNT(*) AS "n" FROM ${ROWS.table}`))!.n;
  }

  pages(pageSize = TRACK_PAGE_SIZE): AsyncIterable<readonly Track[]> {
    return pagesById(this.db, ROWS, trackToDomain, pageSize);
  }
}
