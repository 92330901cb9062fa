// Listens linked to the media library's tracks (`narada library link`): one row per play, with its link
// status, the chosen library track with confidence and reason, and the other candidates (JSON) kept for
// `narada tracks review`. `play_track_id` and `library_state` say what the link was worked out from, so a
// link is worked out again only when the play's track or the library changed.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListenLinks1795996800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "listen_links" (
  "play_id" integer PRIMARY KEY NOT NULL,
  "play_track_id" integer NOT NULL,
  "status" text NOT NULL,
  "track_id" integer,
  "confidence" integer,
  "method" text,
  "reason" text,
  "candidates" text NOT NULL,
  "library_state" text NOT NULL,
  "by_user" boolean NOT NULL,
  "linked_at" integer NOT NULL,
  CONSTRAINT "fk_listen_links_play" FOREIGN KEY ("play_id") REFERENCES "plays" ("id"),
  CONSTRAINT "fk_listen_links_play_track" FOREIGN KEY ("play_track_id") REFERENCES "tracks" ("id"),
  CONSTRAINT "fk_listen_links_track" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"),
  CONSTRAINT "ck_listen_links_status" CHECK ("status" IN ('linked', 'ambiguous', 'unlinked')),
  CONSTRAINT "ck_listen_links_track" CHECK (("status" = 'linked') = ("track_id" IS NOT NULL)))`);
    await queryRunner.query(`CREATE INDEX "idx_listen_links_status" ON "listen_links" ("status")`);
    await queryRunner.query(`CREATE INDEX "idx_listen_links_track" ON "listen_links" ("track_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "listen_links"`);
  }
}
