// The identity tables: when each track was last tried against each service (so runs retry stale ones),
// and the merge journal that lets every merge be undone exactly.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const IDENTITY_SCHEMA = [
  `CREATE TABLE "identity_attempts" (
  "track_id" integer NOT NULL,
  "service" text NOT NULL,
  "tried_at" integer NOT NULL,
  "outcome" text NOT NULL,
  "attempts" integer NOT NULL,
  "detail" text,
  CONSTRAINT "fk_identity_attempts_track_id" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"),
  CONSTRAINT "ck_identity_attempts_outcome" CHECK ("outcome" IN ('accepted', 'review', 'no_match', 'failed')),
  PRIMARY KEY ("track_id", "service"))`,
  `CREATE TABLE "track_merges" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "merged_id" integer NOT NULL,
  "survivor_id" integer NOT NULL,
  "previous_status" text NOT NULL,
  "reason" text NOT NULL,
  "journal" text NOT NULL,
  "merged_at" integer NOT NULL,
  "undone_at" integer,
  CONSTRAINT "fk_track_merges_merged_id" FOREIGN KEY ("merged_id") REFERENCES "tracks" ("id"),
  CONSTRAINT "fk_track_merges_survivor_id" FOREIGN KEY ("survivor_id") REFERENCES "tracks" ("id"))`,
  `CREATE INDEX "idx_track_merges_merged_id" ON "track_merges" ("merged_id")`,
  `CREATE INDEX "idx_track_merges_survivor_id" ON "track_merges" ("survivor_id")`,
  // Every merge looks up and re-points the tracks merged into the merged one; without it, a table scan.
  `CREATE INDEX "idx_tracks_merged_into" ON "tracks" ("merged_into")`,
];

export class IdentitySchema1795392000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of IDENTITY_SCHEMA) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_tracks_merged_into"`);
    await queryRunner.query(`DROP TABLE "track_merges"`);
    await queryRunner.query(`DROP TABLE "identity_attempts"`);
  }
}
