// Daily listen roll-ups; the bulk upsert and the per-track reads run on the raw connection (the table
// has no index by track: a track's days are found through its plays, see daily-listens-of-track.ts).
import type Database from 'better-sqlite3';
import type { DailyListensRepository } from '../../../application/ports/daily-listens-repository.port.js';
import type { DailyListens } from '../../../domain/history/play.js';
import type { TrackId } from '../../../domain/track/track.js';
import { BulkWriter } from '../bulk-writer.js';
import { DailyListensEntity } from './daily-listens.entity.js';
import { dailyListensOfTrack } from './daily-listens-of-track.js';
import { dailyListensToRow } from './play.mapper.js';
import type { NaradaDatabase } from '../open-database.js';

type TrackDays = { track: number; from: string | null; to: string | null };

export class TypeOrmDailyListensRepository implements DailyListensRepository {
  private readonly upserts: BulkWriter<DailyListensEntity>;
  private readonly ofTrack: Database.Statement<[TrackDays], DailyListens>;

  constructor(private readonly db: NaradaDatabase) {
    this.upserts = BulkWriter.for(db.dataSource, db.sqlite, DailyListensEntity, {
      conflict: { kind: 'update', keys: ['user', 'date', 'trackId'] },
    });
    // `YYYY-MM-DD` text sorts as the dates do, so plain comparisons bound the range.
    this.ofTrack = db.sqlite.prepare(
      `SELECT d."user" AS user, d."track_id" AS trackId, d."date" AS date,
              d."listen_count" AS listenCount, d."total_ms_played" AS totalMsPlayed
         FROM "daily_listens" d
        WHERE ${dailyListensOfTrack(':track')}
          AND (:from IS NULL OR d."date" >= :from) AND (:to IS NULL OR d."date" <= :to)
        ORDER BY d."date", d."user"`,
    );
  }

  async upsertMany(rows: readonly DailyListens[]): Promise<void> {
    const entities = rows.map(dailyListensToRow);
    await this.db.unitOfWork.bulk(() => this.upserts.write(entities));
  }

  async forTracks(
    trackIds: readonly TrackId[],
    range: { readonly from?: string; readonly to?: string } = {},
  ): Promise<DailyListens[]> {
    const bounds = { from: range.from ?? null, to: range.to ?? null };
    const tracks = [...new Set(trackIds)].sort((a, b) => a - b);
    return tracks.flatMap((track) => this.ofTrack.all({ track, ...bounds }).map((row) => Object.freeze(row)));
  }
}
