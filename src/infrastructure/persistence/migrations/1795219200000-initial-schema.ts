// The whole first schema, as raw SQL so the file is the reviewed truth of what the database holds.
// Constraints are named and laid out the way TypeORM reads them back (`CONSTRAINT "name" ...`, the
// last one closing the table on its own line), so a schema diff against the entities stays empty.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = [
  `CREATE TABLE "tracks" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "title" text NOT NULL,
  "artists" text NOT NULL,
  "primary_artist" text NOT NULL,
  "album" text,
  "duration_ms" integer,
  "release_date" text,
  "isrc" text,
  "mbid" text,
  "status" text NOT NULL,
  "confidence" real NOT NULL,
  "source" text NOT NULL,
  "merged_into" integer,
  "created_at" integer NOT NULL,
  "updated_at" integer NOT NULL,
  CONSTRAINT "fk_tracks_merged_into" FOREIGN KEY ("merged_into") REFERENCES "tracks" ("id"),
  CONSTRAINT "ck_tracks_status" CHECK ("status" IN ('provisional', 'resolved', 'canonical', 'merged')),
  CONSTRAINT "ck_tracks_merged_into" CHECK (("status" = 'merged') = ("merged_into" IS NOT NULL)))`,
  `CREATE INDEX "idx_tracks_isrc" ON "tracks" ("isrc")`,
  `CREATE INDEX "idx_tracks_mbid" ON "tracks" ("mbid")`,
  `CREATE INDEX "idx_tracks_status" ON "tracks" ("status")`,

  `CREATE TABLE "connector_tracks" (
  "service" text NOT NULL,
  "external_id" text NOT NULL,
  "title" text NOT NULL,
  "artists" text NOT NULL,
  "album" text,
  "duration_ms" integer,
  "isrc" text,
  "release_date" text,
  "attributes" text NOT NULL,
  "raw" text NOT NULL,
  "fetched_at" integer NOT NULL,
  PRIMARY KEY ("service", "external_id"))`,

  `CREATE TABLE "track_mappings" (
  "service" text NOT NULL,
  "external_id" text NOT NULL,
  "track_id" integer NOT NULL,
  "confidence" integer NOT NULL,
  "method" text NOT NULL,
  "status" text NOT NULL,
  "evidence" text NOT NULL,
  "pinned" boolean NOT NULL,
  "created_at" integer NOT NULL,
  "updated_at" integer NOT NULL,
  CONSTRAINT "ck_track_mappings_status" CHECK ("status" IN ('accepted', 'review', 'rejected')),
  CONSTRAINT "ck_track_mappings_confidence" CHECK ("confidence" BETWEEN 0 AND 100),
  CONSTRAINT "fk_track_mappings_track_id" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"),
  PRIMARY KEY ("service", "external_id", "track_id"))`,
  `CREATE INDEX "idx_track_mappings_track_id" ON "track_mappings" ("track_id")`,
  `CREATE INDEX "idx_track_mappings_status" ON "track_mappings" ("status")`,

  `CREATE TABLE "playlists" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "service" text,
  "external_id" text,
  "name" text NOT NULL,
  "description" text,
  "owner" text,
  "is_public" boolean,
  "collaborative" boolean NOT NULL,
  "snapshot_id" text,
  "updated_at" integer NOT NULL,
  CONSTRAINT "uq_playlists_service_external_id" UNIQUE ("service", "external_id"))`,

  `CREATE TABLE "playlist_items" (
  "playlist_id" integer NOT NULL,
  "position" integer NOT NULL,
  "track_id" integer NOT NULL,
  "added_at" integer,
  "added_by" text,
  CONSTRAINT "fk_playlist_items_playlist_id" FOREIGN KEY ("playlist_id") REFERENCES "playlists" ("id") ON DELETE CASCADE,
  CONSTRAINT "fk_playlist_items_track_id" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"),
  PRIMARY KEY ("playlist_id", "position"))`,
  `CREATE INDEX "idx_playlist_items_track_id" ON "playlist_items" ("track_id")`,

  `CREATE TABLE "track_metrics" (
  "track_id" integer NOT NULL,
  "name" text NOT NULL,
  "value" real NOT NULL,
  "source" text NOT NULL,
  "fetched_at" integer NOT NULL,
  CONSTRAINT "fk_track_metrics_track_id" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"),
  PRIMARY KEY ("track_id", "name"))`,

  `CREATE TABLE "likes" (
  "service" text NOT NULL,
  "external_id" text NOT NULL,
  "track_id" integer NOT NULL,
  "liked_at" integer,
  CONSTRAINT "fk_likes_track_id" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"),
  PRIMARY KEY ("service", "external_id"))`,
  `CREATE INDEX "idx_likes_track_id" ON "likes" ("track_id")`,

  `CREATE TABLE "import_runs" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "kind" text NOT NULL,
  "range_from" integer,
  "range_to" integer,
  "status" text NOT NULL,
  "progress" text NOT NULL,
  "started_at" integer NOT NULL,
  "finished_at" integer,
  "error" text,
  CONSTRAINT "ck_import_runs_status" CHECK ("status" IN ('running', 'completed', 'failed', 'interrupted')))`,
  `CREATE INDEX "idx_import_runs_kind_started_at" ON "import_runs" ("kind", "started_at")`,

  `CREATE TABLE "listening_events" (
  "id" integer PRIMARY KEY NOT NULL,
  "user" text NOT NULL,
  "source" text NOT NULL,
  "played_at" integer NOT NULL,
  "track_key" text NOT NULL,
  "ms_played" integer,
  "payload" text NOT NULL,
  "import_run_id" integer,
  CONSTRAINT "uq_listening_events_natural_key" UNIQUE ("user", "source", "played_at", "track_key"),
  CONSTRAINT "fk_listening_events_import_run_id" FOREIGN KEY ("import_run_id") REFERENCES "import_runs" ("id"))`,
  // The ledger is append-only: the database itself refuses to change or remove a listen.
  `CREATE TRIGGER "trg_listening_events_no_update" BEFORE UPDATE ON "listening_events"
BEGIN SELECT RAISE(ABORT, 'listening_events is append-only: a recorded listen is never changed'); END`,
  `CREATE TRIGGER "trg_listening_events_no_delete" BEFORE DELETE ON "listening_events"
BEGIN SELECT RAISE(ABORT, 'listening_events is append-only: a recorded listen is never deleted'); END`,

  `CREATE TABLE "plays" (
  "id" integer PRIMARY KEY NOT NULL,
  "event_id" integer NOT NULL,
  "user" text NOT NULL,
  "track_id" integer NOT NULL,
  "played_at" integer NOT NULL,
  "ms_played" integer,
  "duplicate_of" integer,
  CONSTRAINT "uq_plays_event_id" UNIQUE ("event_id"),
  CONSTRAINT "fk_plays_event_id" FOREIGN KEY ("event_id") REFERENCES "listening_events" ("id"),
  CONSTRAINT "fk_plays_track_id" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"),
  CONSTRAINT "fk_plays_duplicate_of" FOREIGN KEY ("duplicate_of") REFERENCES "plays" ("id"))`,
  `CREATE INDEX "idx_plays_track_id" ON "plays" ("track_id")`,
  `CREATE INDEX "idx_plays_user_played_at" ON "plays" ("user", "played_at")`,

  `CREATE TABLE "daily_listens" (
  "user" text NOT NULL,
  "track_id" integer NOT NULL,
  "date" text NOT NULL,
  "listen_count" integer NOT NULL,
  "total_ms_played" integer NOT NULL,
  CONSTRAINT "fk_daily_listens_track_id" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"),
  PRIMARY KEY ("user", "track_id", "date"))`,
  `CREATE INDEX "idx_daily_listens_track_id_date" ON "daily_listens" ("track_id", "date")`,

  `CREATE TABLE "sync_checkpoints" (
  "key" text PRIMARY KEY NOT NULL,
  "cursor" text,
  "state" text NOT NULL,
  "updated_at" integer NOT NULL)`,

  `CREATE TABLE "workflow_runs" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "workflow_id" text NOT NULL,
  "workflow_name" text NOT NULL,
  "status" text NOT NULL,
  "dry_run" boolean NOT NULL,
  "parameters" text NOT NULL,
  "tasks" text NOT NULL,
  "api_calls" text NOT NULL,
  "started_at" integer NOT NULL,
  "finished_at" integer,
  "error" text,
  CONSTRAINT "ck_workflow_runs_status" CHECK ("status" IN ('running', 'succeeded', 'failed')))`,

  `CREATE TABLE "http_cache" (
  "service" text NOT NULL,
  "key" text NOT NULL,
  "body" text NOT NULL,
  "fetched_at" integer NOT NULL,
  PRIMARY KEY ("service", "key"))`,
];

// Children before parents, so foreign keys never point at a dropped table.
const DROP_ORDER = [
  'http_cache',
  'workflow_runs',
  'sync_checkpoints',
  'daily_listens',
  'plays',
  'listening_events',
  'import_runs',
  'likes',
  'track_metrics',
  'playlist_items',
  'playlists',
  'track_mappings',
  'connector_tracks',
  'tracks',
];

export class InitialSchema1795219200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of TABLES) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of DROP_ORDER) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
