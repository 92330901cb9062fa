// Each server user's playing-now entry, one row per user (`playing_now`), in portable SQL for both
// engines. The listen is kept as its JSON; a row that has run out stays until the user's next entry
// replaces it (or the user is removed), and is simply not answered.
import type { NowPlayingStore, PlayingNow } from '../../../application/ports/now-playing-store.port.js';
import type { SubmittedListen } from '../../../domain/intake/listen-submission.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { EngineDatabase } from '../engine-database.js';

interface PlayingNowRow {
  readonly user: string;
  readonly listen: string;
  readonly since: number;
  readonly until: number;
}

const PUT = `INSERT INTO "playing_now" ("user", "listen", "since", "until") VALUES (?, ?, ?, ?)
  ON CONFLICT ("user") DO UPDATE SET "listen" = excluded."listen", "since" = excluded."since",
    "until" = excluded."until"`;

const PLAYING_AT = `SELECT "user" AS "user", "listen" AS "listen", "since" AS "since", "until" AS "until"
  FROM "playing_now" WHERE "user" = ? AND "until" > ?`;

export class SqlNowPlayingStore implements NowPlayingStore {
  constructor(private readonly db: EngineDatabase) {}

  async put(entry: PlayingNow): Promise<void> {
    await this.db.unitOfWork.write(() =>
      this.db.sql.run(PUT, [entry.user, JSON.stringify(entry.listen), entry.since, entry.until]),
    );
  }

  async playingAt(user: string, at: EpochMs): Promise<PlayingNow | null> {
    const row = await this.db.sql.one<PlayingNowRow>(PLAYING_AT, [user, at]);
    if (row === undefined) return null;
    // Written by put() from a SubmittedListen.
    return {
      user: row.user,
      listen: JSON.parse(row.listen) as SubmittedListen,
      since: row.since,
      until: row.until,
    };
  }
}
