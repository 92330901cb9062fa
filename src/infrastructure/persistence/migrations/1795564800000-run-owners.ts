// Import and workflow runs record the process that runs them (pid, host, process start time), so a
// run left `running` by a process that has ended is marked `interrupted` at the next start instead
// of staying `running` for ever; `workflow_runs` accepts that status (its CHECK is rebuilt: SQLite
// cannot alter a constraint, and no table refers to workflow_runs).
import type { MigrationInterface, QueryRunner } from 'typeorm';

const OWNER_COLUMNS = [`"owner_pid" integer`, `"owner_host" text`, `"owner_started_at" integer`];

const WORKFLOW_COLUMNS = `"id", "workflow_id", "workflow_name", "status", "dry_run", "parameters", "tasks", "api_calls", "started_at", "finished_at", "error"`;

function workflowRunsTable(name: string, statuses: string, owners: boolean): string {
  return `CREATE TABLE "${name}" (
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
  "error" text,${owners ? OWNER_COLUMNS.map((column) => `\n  ${column},`).join('') : ''}
  CONSTRAINT "ck_workflow_runs_status" CHECK ("status" IN (${statuses})))`;
}

export class RunOwners1795564800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of OWNER_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "import_runs" ADD COLUMN ${column}`);
    }
    await queryRunner.query(
      workflowRunsTable('workflow_runs_new', `'running', 'succeeded', 'failed', 'interrupted'`, true),
    );
    await queryRunner.query(
      `INSERT INTO "workflow_runs_new" (${WORKFLOW_COLUMNS}) SELECT ${WORKFLOW_COLUMNS} FROM "workflow_runs"`,
    );
    await queryRunner.query(`DROP TABLE "workflow_runs"`);
    await queryRunner.query(`ALTER TABLE "workflow_runs_new" RENAME TO "workflow_runs"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['owner_pid', 'owner_host', 'owner_started_at']) {
      await queryRunner.query(`ALTER TABLE "import_runs" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(
      workflowRunsTable('workflow_runs_old', `'running', 'succeeded', 'failed'`, false),
    );
    // The older schema has no `interrupted`: such runs did not finish, which it can only call failed.
    await queryRunner.query(
      `INSERT INTO "workflow_runs_old" (${WORKFLOW_COLUMNS})
       SELECT "id", "workflow_id", "workflow_name",
         CASE "status" WHEN 'interrupted' THEN 'failed' ELSE "status" END,
         "dry_run", "parameters", "tasks", "api_calls", "started_at", "finished_at", "error"
       FROM "workflow_runs"`,
    );
    await queryRunner.query(`DROP TABLE "workflow_runs"`);
    await queryRunner.query(`ALTER TABLE "workflow_runs_old" RENAME TO "workflow_runs"`);
  }
}
