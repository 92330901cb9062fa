// The media library (`narada library scan`): one row per music file, with its tags, the hash of its
// audio (moves and duplicates are found by it) and the internal track it became. Artists are JSON
// arrays as in `tracks`; plain SQL types, so the same statements run on PostgreSQL.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LibraryFiles1795651200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "library_files" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "path" text NOT NULL,
  "path_hash" text NOT NULL,
  "size_bytes" integer NOT NULL,
  "modified_ms" integer NOT NULL,
  "audio_hash" text NOT NULL,
  "track_id" integer,
  "title" text,
  "artists" text NOT NULL,
  "album" text,
  "track_number" integer,
  "disc_number" integer,
  "duration_ms" integer,
  "isrc" text,
  "genre" text,
  "recording_mbid" text,
  "release_mbid" text,
  "artist_mbids" text NOT NULL,
  "format" text,
  "scanned_at" integer NOT NULL,
  CONSTRAINT "uq_library_files_path" UNIQUE ("path"),
  CONSTRAINT "fk_library_files_track" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idx_library_files_path_hash" ON "library_files" ("path_hash")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_library_files_audio_hash" ON "library_files" ("audio_hash")`);
    await queryRunner.query(`CREATE INDEX "idx_library_files_track" ON "library_files" ("track_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "library_files"`);
  }
}
