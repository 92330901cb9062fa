// Internal tracks over TypeORM, with the bulk insert and merge paths on the raw connection.
import { In, type Repository } from 'typeorm';
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
import type { SqliteDatabase } from '../open-database.js';
import { TrackMergeStatements } from './track-merge.js';

const TRACK_PAGE_SIZE = 1000;

export class TypeOrmTrackRepository implements TrackRepository {
  private readonly rows: Repository<TrackEntity>;
  private readonly newRows: BulkWriter<NewTrackRow>;
  private readonly merges: TrackMergeStatements;

  constructor(private readonly db: SqliteDatabase) {
    this.rows = db.dataSource.getRepository(TrackEntity);
    this.newRows = BulkWriter.for(db, TrackEntity, {
      omit: ['id'],
      conflict: { kind: 'fail' },
    });
    this.merges = new TrackMergeStatements(db.sqlite);
  }

  async findById(id: TrackId): Promise<Track | null> {
    const row = await this.rows.findOneBy({ id });
    return row === null ? null : trackToDomain(row);
  }

  async findByIds(ids: readonly TrackId[]): Promise<Track[]> {
    const byId = new Map<TrackId, Track>();
    for (const chunk of chunks([...new Set(ids)])) {
      for (const row of await this.rows.findBy({ id: In(chunk) })) byId.set(row.id, trackToDomain(row));
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async findByIsrc(isrc: Isrc): Promise<Track[]> {
    const rows = await this.rows.find({ where: { isrc: isrc.value }, order: { id: 'ASC' } });
    return rows.map(trackToDomain);
  }

  async findByMbid(mbid: Mbid): Promise<Track[]> {
    const rows = await this.rows.find({ where: { mbid: mbid.value }, order: { id: 'ASC' } });
    return rows.map(trackToDomain);
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
    const result = await this.db.unitOfWork.write(() => this.rows.update({ id }, changes));
    if (result.affected === 0) {
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

  count(): Promise<number> {
    return this.rows.count();
  }

  pages(pageSize = TRACK_PAGE_SIZE): AsyncIterable<readonly Track[]> {
    return pagesById(this.rows, trackToDomain, pageSize);
  }
}
