// What several Narada processes on one PostgreSQL database share beyond the data (`narada serve` and
// `narada worker`): the last event of each job's progress channel, for a watcher who joins after the
// notification went out, and the next free request slot of each rate-limited service, claimed with
// one atomic UPDATE so a limit holds across every process. Created on SQLite too (same schema on
// both); only the PostgreSQL adapters use them.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobEvents1796169600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "job_events" (
  "channel" text PRIMARY KEY NOT NULL,
  "name" text NOT NULL,
  "data" text NOT NULL,
  "published_at" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "idx_job_events_published_at" ON "job_events" ("published_at")`);
    await queryRunner.query(`CREATE TABLE "rate_limit_slots" (
  "service" text PRIMARY KEY NOT NULL,
  "next_at" integer NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_slots"`);
    await queryRunner.query(`DROP TABLE "job_events"`);
  }
}
