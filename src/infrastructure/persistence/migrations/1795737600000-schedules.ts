// Schedules (`narada schedule add`): a workflow (file path or id, its id and content hash), its
// parameters, its rule (every N ms, or a cron expression and time zone), when it is next due, the
// claim of the run in progress, and the last run's outcome. Plain SQL types, as on PostgreSQL.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schedules1795737600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "schedules" (
  "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  "name" text NOT NULL,
  "workflow_kind" text NOT NULL,
  "workflow_ref" text NOT NULL,
  "workflow_path" text NOT NULL,
  "workflow_id" text NOT NULL,
  "content_hash" text NOT NULL,
  "parameters" text NOT NULL,
  "every_ms" integer,
  "cron" text,
  "time_zone" text,
  "created_at" integer NOT NULL,
  "next_due_at" integer NOT NULL,
  "running_since" integer,
  "claim_token" text,
  "claim_pid" integer,
  "claim_host" text,
  "claim_started_at" integer,
  "run_count" integer NOT NULL,
  "last_started_at" integer,
  "last_finished_at" integer,
  "last_outcome" text,
  "last_reason" text,
  "last_workflow_run_id" integer,
  CONSTRAINT "uq_schedules_name" UNIQUE ("name"),
  CONSTRAINT "ck_schedules_workflow_kind" CHECK ("workflow_kind" IN ('file', 'id')),
  CONSTRAINT "ck_schedules_rule" CHECK (("every_ms" IS NULL) <> ("cron" IS NULL)),
  CONSTRAINT "ck_schedules_last_outcome" CHECK ("last_outcome" IS NULL OR "last_outcome" IN ('succeeded', 'failed')))`);
    await queryRunner.query(`CREATE INDEX "idx_schedules_next_due_at" ON "schedules" ("next_due_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "schedules"`);
  }
}
