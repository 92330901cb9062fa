// The references whose target can never go away are no longer checked by the database: a ledger
// event's import run, a play's ledger event, and a duplicate play's first play. Import runs and plays
// are never deleted, and the ledger refuses every UPDATE and DELETE; each of these ids is read back
// from the row just written in the same transaction. The checks only cost time: on PostgreSQL one
// trigger query per row and per key, 25 % of an import's server time (docs/DECISIONS.md). The
// references to tracks, which merges move and rewrite, keep their keys.
//
// SQLite cannot drop a constraint, so it rebuilds the two tables, checks deferred to the commit.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationEngine } from './migration-engine.js';

const LEDGER = (name: string, importRunKey: boolean) => `CREATE TABLE "${name}" (
  "id" integer PRIMARY KEY NOT NULL,
  "user" text NOT NULL,
  "source" text NOT NULL,
  "played_at" integer NOT NULL,
  "track_key" text NOT NULL,
  "ms_played" integer,
  "payload" text NOT NULL,
  "import_run_id" integer,
  CONSTRAINT "uq_listening_events_natural_key" UNIQUE ("user", "source", "played_at", "track_key")${
    importRunKey
      ? `,
  CONSTRAINT "fk_listening_events_import_run_id" FOREIGN KEY ("import_run_id") REFERENCES "import_runs" ("id")`
      : ''
  })`;
const LEDGER_COLUMNS = `"id", "user", "source", "played_at", "track_key", "ms_played", "payload", "import_run_id"`;
const LEDGER_TRIGGERS = [
  `CREATE TRIGGER "trg_listening_events_no_update" BEFORE UPDATE ON "listening_events"
BEGIN SELECT RAISE(ABORT, 'listening_events is append-only: a recorded listen is never changed'); END`,
  `CREATE TRIGGER "trg_listening_events_no_delete" BEFORE DELETE ON "listening_events"
BEGIN SELECT RAISE(ABORT, 'listening_events is append-only: a recorded listen is never deleted'); END`,
];

const PLAYS = (playKeys: boolean) => `CREATE TABLE "plays" (
  "id" integer PRIMARY KEY NOT NULL,
  "event_id" integer NOT NULL,
  "user" text NOT NULL,
  "track_id" integer NOT NULL,
  "played_at" integer NOT NULL,
  "ms_played" integer,
  "duplicate_of" integer,
  CONSTRAINT "uq_plays_event_id" UNIQUE ("event_id"),${
    playKeys
      ? `
  CONSTRAINT "fk_plays_event_id" FOREIGN KEY ("event_id") REFERENCES "listening_events" ("id"),`
      : ''
  }
  CONSTRAINT "fk_plays_track_id" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id")${
    playKeys
      ? `,
  CONSTRAINT "fk_plays_duplicate_of" FOREIGN KEY ("duplicate_of") REFERENCES "plays" ("id")`
      : ''
  })`;
const PLAYS_COLUMNS = `"id", "event_id", "user", "track_id", "played_at", "ms_played", "duplicate_of"`;
const PLAYS_INDEXES = [
  `CREATE INDEX "idx_plays_track_id" ON "plays" ("track_id")`,
  `CREATE INDEX "idx_plays_user_played_at" ON "plays" ("user", "played_at")`,
];

const KEYS = [
  {
    table: 'listening_events',
    name: 'fk_listening_events_import_run_id',
    key: `FOREIGN KEY ("import_run_id") REFERENCES "import_runs" ("id")`,
  },
  {
    table: 'plays',
    name: 'fk_plays_event_id',
    key: `FOREIGN KEY ("event_id") REFERENCES "listening_events" ("id")`,
  },
  {
    table: 'plays',
    name: 'fk_plays_duplicate_of',
    key: `FOREIGN KEY ("duplicate_of") REFERENCES "plays" ("id")`,
  },
];

export class AppendOnlyReferences1796342400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    if (migrationEngine(queryRunner) === 'postgres') {
      for (const { table, name } of KEYS) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
      }
      return;
    }
    await rebuildSqlite(queryRunner, false);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (migrationEngine(queryRunner) === 'postgres') {
      for (const { table, name, key } of KEYS) {
        await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" ${key}`);
      }
      return;
    }
    await rebuildSqlite(queryRunner, true);
  }
}

/**
 * Both tables made again, with or without the three keys, rows and ids as they were. The table that
 * will not be referred to goes first: without the keys plays no longer refer to the ledger, so plays
 * are rebuilt before it; with them, plays must find the ledger already whole.
 */
async function rebuildSqlite(queryRunner: QueryRunner, keys: boolean): Promise<void> {
  // Checked at commit instead of at each statement, so the rows set aside can come back first.
  await queryRunner.query(`PRAGMA defer_foreign_keys = ON`);
  if (keys) {
    await rebuildLedger(queryRunner, keys);
    await rebuildPlays(queryRunner, keys);
  } else {
    await rebuildPlays(queryRunner, keys);
    await rebuildLedger(queryRunner, keys);
  }
  await queryRunner.query(`PRAGMA defer_foreign_keys = OFF`);
}

/** Nothing refers to the ledger while it is rebuilt, so the new table simply takes its name. */
async function rebuildLedger(queryRunner: QueryRunner, keys: boolean): Promise<void> {
  await queryRunner.query(LEDGER('listening_events_next', keys));
  await queryRunner.query(
    `INSERT INTO "listening_events_next" (${LEDGER_COLUMNS}) SELECT ${LEDGER_COLUMNS} FROM "listening_events" ORDER BY "id"`,
  );
  // The implicit delete of a DROP TABLE fires no trigger: the append-only ledger can be rebuilt.
  await queryRunner.query(`DROP TABLE "listening_events"`);
  await queryRunner.query(`ALTER TABLE "listening_events_next" RENAME TO "listening_events"`);
  for (const trigger of LEDGER_TRIGGERS) await queryRunner.query(trigger);
}

/**
 * listen_links refers to plays: the rows are set aside, the table is made again under its own name
 * and filled, and each row put back answers the references its removal left open.
 */
async function rebuildPlays(queryRunner: QueryRunner, keys: boolean): Promise<void> {
  await queryRunner.query(`CREATE TABLE "plays_set_aside" AS SELECT ${PLAYS_COLUMNS} FROM "plays"`);
  await queryRunner.query(`DROP TABLE "plays"`);
  await queryRunner.query(PLAYS(keys));
  for (const index of PLAYS_INDEXES) await queryRunner.query(index);
  await queryRunner.query(
    `INSERT INTO "plays" (${PLAYS_COLUMNS}) SELECT ${PLAYS_COLUMNS} FROM "plays_set_aside" ORDER BY "id"`,
  );
  await queryRunner.query(`DROP TABLE "plays_set_aside"`);
}
