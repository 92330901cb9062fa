// The ledger-and-roll-up side of recording listens, on the raw connection: appends that report each
// new event's id, the plays around new listens, new plays, and daily roll-ups that add, not replace.
import type Database from 'better-sqlite3';
import type {
  HeldPlay,
  ListenRecordingStore,
  PlayDraft,
  TimeSpan,
} from '../../../application/ports/listen-recording-store.port.js';
import type { ListeningSource, RawListeningEvent } from '../../../domain/history/listening-event.js';
import type { DailyListens } from '../../../domain/history/play.js';
import type { SqliteDatabase } from '../open-database.js';
import { BulkWriter } from '../bulk-writer.js';
import { DailyListensEntity } from './daily-listens.entity.js';
import { PlayEntity } from './play.entity.js';
import { dailyListensToRow, type NewPlayRow, playToRow } from './play.mapper.js';

interface HeldPlayRow {
  playId: number;
  user: string;
  trackId: number;
  playedAt: number;
  msPlayed: number | null;
  duplicateOf: number | null;
  source: string;
  trackKey: string;
  title: string;
  primaryArtist: string;
}

export class SqliteListenRecordingStore implements ListenRecordingStore {
  private readonly appendOne: Database.Statement;
  private readonly playsBetween: Database.Statement<[string, number, number], HeldPlayRow>;
  private readonly newPlays: BulkWriter<NewPlayRow>;
  private readonly addDaily: BulkWriter<DailyListensEntity>;

  constructor(private readonly db: SqliteDatabase) {
    const { sqlite } = db;
    // Row by row: `changes` and the rowid say which events are new (measured faster here than
    // multi-row inserts with RETURNING, whose keys must be matched back).
    this.appendOne = sqlite.prepare(
      `INSERT OR IGNORE INTO "listening_events"
         ("user", "source", "played_at", "track_key", "ms_played", "payload", "import_run_id")
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.playsBetween = sqlite.prepare(
      `SELECT p."id" AS playId, p."user" AS user, p."track_id" AS trackId, p."played_at" AS playedAt,
              p."ms_played" AS msPlayed, p."duplicate_of" AS duplicateOf, e."source" AS source,
              e."track_key" AS trackKey, t."title" AS title, t."primary_artist" AS primaryArtist
         FROM "plays" p
         JOIN "listening_events" e ON e."id" = p."event_id"
         JOIN "tracks" t ON t."id" = p."track_id"
        WHERE p."user" = ? AND p."played_at" BETWEEN ? AND ?`,
    );
    // A ledger event is one play at most (unique event_id).
    this.newPlays = BulkWriter.for(db.dataSource, sqlite, PlayEntity, {
      omit: ['id'],
      conflict: { kind: 'ignore' },
    });
    // Roll-ups add to what a day already holds.
    this.addDaily = BulkWriter.for(db.dataSource, sqlite, DailyListensEntity, {
      conflict: { kind: 'add', keys: ['user', 'date', 'trackId'] },
    });
  }

  appendEvents(events: readonly RawListeningEvent[]): Promise<(number | null)[]> {
    return this.db.unitOfWork.write(() =>
      events.map((e) => {
        const { changes, lastInsertRowid } = this.appendOne.run(
          e.user,
          e.source,
          e.playedAt,
          e.trackKey,
          e.msPlayed,
          e.payload,
          e.importRunId,
        );
        return changes === 0 ? null : Number(lastInsertRowid);
      }),
    );
  }

  async playsWithin(user: string, spans: readonly TimeSpan[]): Promise<HeldPlay[]> {
    const found: HeldPlay[] = [];
    for (const span of spans) {
      for (const row of this.playsBetween.iterate(user, span.from, span.to)) {
        // Written from a ListeningSource by the ledger's own mapper.
        found.push({ ...row, source: row.source as ListeningSource });
      }
    }
    return found;
  }

  async insertPlays(plays: readonly PlayDraft[]): Promise<void> {
    const rows = plays.map(playToRow);
    await this.db.unitOfWork.write(() => this.newPlays.write(rows));
  }

  async addDailyListens(deltas: readonly DailyListens[]): Promise<void> {
    const rows = deltas.map(dailyListensToRow);
    await this.db.unitOfWork.write(() => this.addDaily.write(rows));
  }
}
