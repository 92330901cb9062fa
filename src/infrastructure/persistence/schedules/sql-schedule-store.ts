// Schedules over the SQL runner, in portable SQL (SQLite and PostgreSQL). The claim is one conditional
// UPDATE in a write transaction, its changed rows counted: it succeeds only while the schedule is still
// due at the time read and holds no live claim (none, one older than the stale bound, or one whose
// process has ended), so of two processes that read a due schedule together exactly one gets it.
import { randomUUID } from 'node:crypto';
import type {
  ScheduleClaim,
  ScheduleFinish,
  ScheduleStore,
} from '../../../application/ports/schedule-store.port.js';
import type { Schedule, ScheduleDraft } from '../../../domain/schedules/schedule.js';
import type { ScheduleRule } from '../../../domain/schedules/schedule-rule.js';
import type { RunOwner } from '../../../domain/shared/run-owner.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { EngineDatabase } from '../engine-database.js';
import { systemProcesses, type ProcessTable } from '../run-owners.js';
import { readChoice, readJson } from '../stored-value.js';

interface Row {
  readonly id: number;
  readonly name: string;
  readonly workflow_kind: string;
  readonly workflow_ref: string;
  readonly workflow_path: string;
  readonly workflow_id: string;
  readonly content_hash: string;
  readonly parameters: string;
  readonly every_ms: number | null;
  readonly cron: string | null;
  readonly time_zone: string | null;
  readonly created_at: number;
  readonly next_due_at: number;
  readonly running_since: number | null;
  readonly claim_token: string | null;
  readonly claim_pid: number | null;
  readonly claim_host: string | null;
  readonly claim_started_at: number | null;
  readonly run_count: number;
  readonly last_started_at: number | null;
  readonly last_finished_at: number | null;
  readonly last_outcome: string | null;
  readonly last_reason: string | null;
  readonly last_workflow_run_id: number | null;
}

const DRAFT_COLUMNS = [
  'name',
  'workflow_kind',
  'workflow_ref',
  'workflow_path',
  'workflow_id',
  'content_hash',
  'parameters',
  'every_ms',
  'cron',
  'time_zone',
  'created_at',
  'next_due_at',
  'run_count',
] as const;
type DraftRow = Record<(typeof DRAFT_COLUMNS)[number], string | number | null>;

interface ClaimParams {
  readonly id: number;
  readonly due: number;
  readonly at: number;
  readonly stale_before: number;
  /** The token of a claim whose process has ended, which may be taken over; null when none. */
  readonly abandoned: string | null;
  readonly token: string;
  readonly pid: number;
  readonly host: string;
  readonly started_at: number;
}

interface FinishParams {
  readonly id: number;
  readonly token: string;
  readonly next_due_at: number;
  readonly workflow_path: string;
  readonly content_hash: string;
  readonly last_started_at: number;
  readonly last_finished_at: number;
  readonly last_outcome: string;
  readonly last_reason: string | null;
  readonly last_workflow_run_id: number | null;
}

export class SqlScheduleStore implements ScheduleStore {
  private readonly insert = `INSERT INTO "schedules" (${DRAFT_COLUMNS.map((c) => `"${c}"`).join(', ')})
       VALUES (${DRAFT_COLUMNS.map((c) => `@${c}`).join(', ')})
       ON CONFLICT ("name") DO NOTHING
       RETURNING "id" AS "id"`;
  private readonly all = `SELECT * FROM "schedules" ORDER BY "id"`;
  private readonly byKey = `SELECT * FROM "schedules" WHERE "id" = @id OR "name" = @name ORDER BY "id" LIMIT 1`;
  private readonly byId = `SELECT * FROM "schedules" WHERE "id" = ?`;
  private readonly deleteOne = `DELETE FROM "schedules" WHERE "id" = ?`;
  private readonly dueAt = `SELECT * FROM "schedules" WHERE "next_due_at" <= ? ORDER BY "next_due_at", "id"`;
  // One statement: PostgreSQL re-checks the WHERE on the row a concurrent claim just wrote (read
  // committed), SQLite runs it under the write lock, so on both only one claim counts a changed row.
  private readonly claimOne = `UPDATE "schedules"
          SET "running_since" = @at, "claim_token" = @token, "claim_pid" = @pid, "claim_host" = @host,
              "claim_started_at" = @started_at
        WHERE "id" = @id AND "next_due_at" = @due
          AND ("claim_token" IS NULL OR "running_since" < @stale_before
               OR "claim_token" = CAST(@abandoned AS text))`;
  private readonly finishOne = `UPDATE "schedules"
          SET "running_since" = NULL, "claim_token" = NULL, "claim_pid" = NULL, "claim_host" = NULL,
              "claim_started_at" = NULL, "next_due_at" = @next_due_at, "workflow_path" = @workflow_path,
              "content_hash" = @content_hash, "run_count" = "run_count" + 1,
              "last_started_at" = @last_started_at, "last_finished_at" = @last_finished_at,
              "last_outcome" = @last_outcome, "last_reason" = @last_reason,
              "last_workflow_run_id" = @last_workflow_run_id
        WHERE "id" = @id AND "claim_token" = @token`;

  constructor(
    private readonly db: EngineDatabase,
    private readonly processes: ProcessTable = systemProcesses,
  ) {}

  async add(draft: ScheduleDraft): Promise<Schedule | null> {
    const inserted = await this.db.unitOfWork.write(() =>
      this.db.sql.one<{ id: number }>(this.insert, toRow(draft)),
    );
    if (inserted === undefined) return null;
    return this.require(inserted.id);
  }

  async list(): Promise<Schedule[]> {
    return (await this.db.sql.all<Row>(this.all)).map(toDomain);
  }

  async find(idOrName: string): Promise<Schedule | null> {
    const id = /^\d+$/.test(idOrName) && Number.isSafeInteger(Number(idOrName)) ? Number(idOrName) : null;
    const row = await this.db.sql.one<Row>(this.byKey, { id, name: idOrName });
    return row === undefined ? null : toDomain(row);
  }

  async remove(id: number): Promise<boolean> {
    const { changes } = await this.db.unitOfWork.write(() => this.db.sql.run(this.deleteOne, [id]));
    return changes > 0;
  }

  async due(now: EpochMs, staleBefore: EpochMs): Promise<Schedule[]> {
    const rows = await this.db.sql.all<Row>(this.dueAt, [now]);
    return rows.filter((row) => this.claimable(row, staleBefore)).map(toDomain);
  }

  async claim(schedule: Schedule, at: EpochMs, staleBefore: EpochMs): Promise<ScheduleClaim | null> {
    const owner = this.processes.current();
    const token = randomUUID();
    const { changes } = await this.db.unitOfWork.write(async () => {
      // Read in the write transaction: the claim judged abandoned is the one the UPDATE may replace.
      const row = await this.db.sql.one<Row>(this.byId, [schedule.id]);
      const abandoned =
        row !== undefined && row.claim_token !== null && this.processes.hasEnded(claimOwner(row))
          ? row.claim_token
          : null;
      return this.db.sql.run(this.claimOne, {
        id: schedule.id,
        due: schedule.nextDueAt,
        at,
        stale_before: staleBefore,
        abandoned,
        token,
        pid: owner.pid,
        host: owner.host,
        started_at: owner.startedAt,
      } satisfies ClaimParams);
    });
    return changes === 0 ? null : { scheduleId: schedule.id, token, claimedAt: at };
  }

  async finish(claim: ScheduleClaim, result: ScheduleFinish): Promise<boolean> {
    const { lastRun } = result;
    const { changes } = await this.db.unitOfWork.write(() =>
      this.db.sql.run(this.finishOne, {
        id: claim.scheduleId,
        token: claim.token,
        next_due_at: result.nextDueAt,
        workflow_path: result.workflow.path,
        content_hash: result.workflow.contentHash,
        last_started_at: lastRun.startedAt,
        last_finished_at: lastRun.finishedAt,
        last_outcome: lastRun.outcome,
        last_reason: lastRun.reason,
        last_workflow_run_id: lastRun.workflowRunId,
      } satisfies FinishParams),
    );
    return changes > 0;
  }

  private claimable(row: Row, staleBefore: EpochMs): boolean {
    if (row.claim_token === null || row.running_since === null) return true;
    return row.running_since < staleBefore || this.processes.hasEnded(claimOwner(row));
  }

  private async require(id: number): Promise<Schedule> {
    const row = await this.db.sql.one<Row>(this.byId, [id]);
    if (row === undefined) throw new Error(`schedule ${id} vanished right after it was added`);
    return toDomain(row);
  }
}

function claimOwner(row: Row): RunOwner | null {
  if (row.claim_pid === null || row.claim_host === null || row.claim_started_at === null) return null;
  return { pid: row.claim_pid, host: row.claim_host, startedAt: row.claim_started_at };
}

function toRow(draft: ScheduleDraft): DraftRow {
  const { workflow, rule } = draft;
  return {
    name: draft.name,
    workflow_kind: workflow.kind,
    workflow_ref: workflow.ref,
    workflow_path: workflow.path,
    workflow_id: workflow.workflowId,
    content_hash: workflow.contentHash,
    parameters: JSON.stringify(draft.parameters),
    every_ms: rule.kind === 'every' ? rule.everyMs : null,
    cron: rule.kind === 'cron' ? rule.expression : null,
    time_zone: rule.kind === 'cron' ? rule.timeZone : null,
    created_at: draft.createdAt,
    next_due_at: draft.nextDueAt,
    run_count: 0,
  };
}

function toDomain(row: Row): Schedule {
  const rule: ScheduleRule =
    row.every_ms !== null
      ? { kind: 'every', everyMs: row.every_ms }
      : { kind: 'cron', expression: row.cron ?? '', timeZone: row.time_zone };
  const parameters = Object.assign(
    Object.create(null) as Record<string, string>,
    readJson<Record<string, string>>(row.parameters, 'schedules', 'parameters'),
  );
  return Object.freeze({
    id: row.id,
    name: row.name,
    workflow: {
      kind: readChoice(row.workflow_kind, ['file', 'id'] as const, 'schedules', 'workflow_kind'),
      ref: row.workflow_ref,
      path: row.workflow_path,
      workflowId: row.workflow_id,
      contentHash: row.content_hash,
    },
    parameters,
    rule,
    createdAt: row.created_at,
    nextDueAt: row.next_due_at,
    runningSince: row.running_since,
    runCount: row.run_count,
    lastRun:
      row.last_outcome === null || row.last_started_at === null || row.last_finished_at === null
        ? null
        : {
            startedAt: row.last_started_at,
            finishedAt: row.last_finished_at,
            outcome: readChoice(
              row.last_outcome,
              ['succeeded', 'failed'] as const,
              'schedules',
              'last_outcome',
            ),
            reason: row.last_reason,
            workflowRunId: row.last_workflow_run_id,
          },
  });
}
