// The ledger-and-roll-up side of recording listens: appends that report each new event's id, the
// plays around new listens, new plays, and daily roll-ups that add, not replace. The append is the one
// engine-specific path: row by row on SQLite, by COPY on PostgreSQL.
import type {
  HeldPlay,
  ListenRecordingStore,
  PlayDraft,
  TimeSpan,
} from '../../../application/ports/listen-recording-store.port.js';
import type { ListeningSource, RawListeningEvent } from '../../../domain/history/listening-event.js';
import type { DailyListens } from '../../../domain/history/play.js';
import type { EngineDatabase, EngineUnitOfWork } from '../engine-database.js';
import { BulkWriter } from '../bulk-writer.js';
import type { PostgresDatabase } from '../postgres/postgres-database.js';
import { TableStatistics } from '../postgres/table-statistics.js';
import { copyLine, type PostgresRunner } from '../sql/postgres-runner.js';
import { SqliteRunner } from '../sql/sqlite-runner.js';
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

const PLAYS_BETWEEN = `SELECT p."id" AS "playId", p."user" AS "user", p."track_id" AS "trackId",
       p."played_at" AS "playedAt", p."ms_played" AS "msPlayed", p."duplicate_of" AS "duplicateOf",
       e."source" AS "source", e."track_key" AS "trackKey", t."title" AS "title",
       t."primary_artist" AS "primaryArtist"
  FROM "plays" p
  JOIN "listening_events" e ON e."id" = p."event_id"
  JOIN "tracks" t ON t."id" = p."track_id"
 WHERE p."user" = ? AND p."played_at" BETWEEN ? AND ?`;

/** The tables an import fills, whose planner statistics are kept up on PostgreSQL. */
const IMPORT_TABLES = [
  'listening_events',
  'plays',
  'daily_listens',
  'tracks',
  'connector_tracks',
  'track_mappings',
];

type Append = (events: readonly RawListeningEvent[]) => Promise<(number | null)[]>;

/**
 * Listens per write: a page on SQLite, whose row-by-row writes gain nothing from more (and a larger
 * batch only raises the import's peak memory); ten pages on PostgreSQL, where each statement's fixed
 * cost is then shared by 2,000 rows. Measured: docs/DATABASE.md.
 */
const LISTENS_PER_WRITE = { sqlite: 200, postgres: 2_000 } as const;

export class SqlListenRecordingStore implements ListenRecordingStore {
  readonly listensPerWrite: number;
  private readonly append: Append;
  private readonly newPlays: BulkWriter<NewPlayRow>;
  private readonly addDaily: BulkWriter<DailyListensEntity>;

  constructor(private readonly db: EngineDatabase) {
    this.listensPerWrite = LISTENS_PER_WRITE[db.engine];
    this.append =
      db.sql instanceof SqliteRunner
        ? sqliteAppend(db.sql)
        : postgresAppend(
            db.sql as PostgresRunner,
            db.unitOfWork,
            new TableStatistics((db as PostgresDatabase).pool, IMPORT_TABLES),
          );
    // A ledger event is one play at most (unique event_id), and plays are made only for events the
    // same transaction has just appended: a second play of an event is a fault, so it fails the write.
    this.newPlays = BulkWriter.for(db, PlayEntity, { omit: ['id'], conflict: { kind: 'fail' } });
    // Roll-ups add to what a day already holds.
    this.addDaily = BulkWriter.for(db, DailyListensEntity, {
      conflict: { kind: 'add', keys: ['user', 'date', 'trackId'] },
    });
  }

  appendEvents(events: readonly RawListeningEvent[]): Promise<(number | null)[]> {
    return this.db.unitOfWork.write(() => this.append(events));
  }

  async playsWithin(user: string, spans: readonly TimeSpan[]): Promise<HeldPlay[]> {
    const found: HeldPlay[] = [];
    for (const span of spans) {
      for (const row of await this.db.sql.all<HeldPlayRow>(PLAYS_BETWEEN, [user, span.from, span.to])) {
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

/**
 * SQLite: row by row, `changes` and the rowid say which events are new (measured faster here than
 * multi-row inserts with RETURNING, whose keys must be matched back).
 */
function sqliteAppend(sql: SqliteRunner): Append {
  const appendOne = sql.prepare(
    // ON CONFLICT, not OR IGNORE: only a listen already held is skipped; a broken one (no payload) fails.
    `INSERT INTO "listening_events"
       ("user", "source", "played_at", "track_key", "ms_played", "payload", "import_run_id")
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("user", "source", "played_at", "track_key") DO NOTHING`,
  );
  return (events) =>
    Promise.resolve(
      events.map((e) => {
        const { changes, lastInsertRowid } = appendOne.run(ledgerValues(e));
        return changes === 0 ? null : Number(lastInsertRowid);
      }),
    );
}

/**
 * PostgreSQL. When a batch is one listener's from one source and the ledger holds nothing of theirs
 * in the batch's time span (an import reading on past what it holds), its events are COPied straight
 * into the ledger under ids drawn from the ledger's own sequence, in the same round trip as that
 * look: a fifth of the server's work an import listen, against the way below (docs/DECISIONS.md). A
 * later event with a key already in the batch is a duplicate and is left out, as SQLite's row by row
 * insert finds it. The COPY runs in a savepoint: should another transaction store one of the keys
 * meanwhile (its rows were not yet visible to the look), the COPY fails on the natural key, is undone,
 * and the batch takes the way below.
 *
 * Otherwise the events are COPied into a temporary table, numbered in their order, then moved into
 * the ledger by one INSERT ... SELECT ... ON CONFLICT DO NOTHING, which answers with each new row's
 * id and the number of the first event holding its natural key. COPY's text format carries the raw
 * payloads as they are, where a JSON parameter made the server parse (and unescape) every payload
 * twice.
 */
function postgresAppend(
  sql: PostgresRunner,
  unitOfWork: EngineUnitOfWork,
  statistics: TableStatistics,
): Append {
  return async (events) => {
    if (events.length === 0) return [];
    const ids = (await appendDirect(sql, unitOfWork, events)) ?? (await appendStaged(sql, events));
    statistics.grew(ids.reduce((count: number, id) => (id === null ? count : count + 1), 0));
    return ids;
  };
}

/** The direct way: the ids, or null when the batch must take the staged way. */
async function appendDirect(
  sql: PostgresRunner,
  unitOfWork: EngineUnitOfWork,
  events: readonly RawListeningEvent[],
): Promise<(number | null)[] | null> {
  const { user, source } = events[0]!;
  let from = Infinity;
  let to = -Infinity;
  /** The first event of each natural key in the batch (all one user's from one source). */
  const firsts: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.user !== user || e.source !== source) return null;
    const key = `${e.playedAt}\u0000${e.trackKey}`;
    if (seen.has(key)) continue;
    seen.add(key);
    firsts.push(i);
    if (e.playedAt < from) from = e.playedAt;
    if (e.playedAt > to) to = e.playedAt;
  }
  const claim = await sql.prepared(DIRECT_CLAIM, [user, source, from, to, firsts.length]);
  const { held, ids: drawn } = claim.rows[0] as { held: boolean; ids: string[] };
  if (held) return null;
  let rows = '';
  firsts.forEach((at, n) => {
    const e = events[at]!;
    rows += copyLine([drawn[n]!, ...ledgerValues(e)]);
  });
  try {
    await unitOfWork.transaction(() => sql.copyIn(DIRECT_COPY, rows));
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return null;
    throw error;
  }
  const ids = new Array<number | null>(events.length).fill(null);
  firsts.forEach((at, n) => {
    ids[at] = Number(drawn[n]);
  });
  return ids;
}

async function appendStaged(
  sql: PostgresRunner,
  events: readonly RawListeningEvent[],
): Promise<(number | null)[]> {
  const ids = new Array<number | null>(events.length).fill(null);
  // Emptied at each commit, and by hand before each batch (a transaction may write several).
  await sql.raw(STAGE_READY, []);
  let rows = '';
  for (const e of events) {
    rows += copyLine(ledgerValues(e));
  }
  await sql.copyIn(STAGE_COPY, rows);
  const result = await sql.prepared(STAGE_MOVE, []);
  for (const { ord, id } of result.rows as { ord: number; id: number }[]) ids[ord - 1] = id;
  return ids;
}

const UNIQUE_VIOLATION = '23505';

/** An event's values in LEDGER_COLUMNS order. */
function ledgerValues(
  e: RawListeningEvent,
): [string, string, number, string, number | null, string, number | null] {
  return [e.user, e.source, e.playedAt, e.trackKey, e.msPlayed, e.payload, e.importRunId];
}

const LEDGER_COLUMNS = `"user", "source", "played_at", "track_key", "ms_played", "payload", "import_run_id"`;
/** The session's staging table: no index, no WAL, emptied at commit; `ord` numbers a batch's events from 1. */
const STAGE_CREATE = `CREATE TEMPORARY TABLE IF NOT EXISTS "ledger_stage" (
    "ord" bigserial, "user" text, "source" text, "played_at" bigint, "track_key" text,
    "ms_played" bigint, "payload" text, "import_run_id" bigint) ON COMMIT DELETE ROWS`;
/** Made if missing and emptied, in one message (without parameters, a query may hold several statements). */
const STAGE_READY = `${STAGE_CREATE}; TRUNCATE "ledger_stage" RESTART IDENTITY`;
const STAGE_COPY = `COPY "ledger_stage" (${LEDGER_COLUMNS}) FROM STDIN`;
/**
 * Whether the ledger holds any of the listener's events from the source in [from, to]; and that many
 * new ids. The sequence is looked up once a statement (MATERIALIZED), not once an id.
 */
const DIRECT_CLAIM = `WITH "ledger" AS MATERIALIZED (
      SELECT CAST(pg_get_serial_sequence('"listening_events"', 'id') AS regclass) AS "sequence")
    SELECT EXISTS (
      SELECT 1 FROM "listening_events"
       WHERE "user" = $1 AND "source" = $2 AND "played_at" BETWEEN $3 AND $4) AS "held",
    ARRAY(SELECT nextval(l."sequence") FROM "ledger" l CROSS JOIN generate_series(1, $5)) AS "ids"`;
const DIRECT_COPY = `COPY "listening_events" ("id", ${LEDGER_COLUMNS}) FROM STDIN`;
const STAGE_MOVE = `WITH "moved" AS (
      INSERT INTO "listening_events" (${LEDGER_COLUMNS})
      SELECT ${LEDGER_COLUMNS} FROM "ledger_stage" ORDER BY "ord"
      ON CONFLICT ("user", "source", "played_at", "track_key") DO NOTHING
      RETURNING "id", "user", "source", "played_at", "track_key")
    SELECT MIN(s."ord") AS "ord", m."id" AS "id"
      FROM "moved" m
      JOIN "ledger_stage" s ON s."user" = m."user" AND s."source" = m."source"
       AND s."played_at" = m."played_at" AND s."track_key" = m."track_key"
     GROUP BY m."id"`;
