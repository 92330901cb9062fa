// What each server user's player says is playing now: one row per user, replaced by the next
// `playing_now` submission, gone with the user. In the database rather than one server's memory, so
// every `narada serve` on a shared PostgreSQL database (or a restarted one) answers the same.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlayingNow1796256000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "playing_now" (
  "user" text PRIMARY KEY NOT NULL,
  "listen" text NOT NULL,
  "since" integer NOT NULL,
  "until" integer NOT NULL,
  CONSTRAINT "fk_playing_now_user" FOREIGN KEY ("user") REFERENCES "server_users" ("name") ON DELETE CASCADE)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "playing_now"`);
  }
}
