// One side of `narada db copy` on either engine, over the engine's SQL runner and unit of work: pages
// of rows in key order, a page inserted (ids kept) in one transaction with the copy's checkpoint (a row
// of sync_checkpoints, which the copy itself leaves out of what it copies and counts), the ledger's
// checksum streamed in id order, and the wipe `--replace` asks for.
import { createHash } from 'node:crypto';
import type {
  CopyCheckpoint,
  CopyPage,
  CopySide,
  CopyTable,
  CopyValue,
  LedgerChecksum,
} from '../../../application/ports/database-copy.port.js';
import type { EngineDatabase } from '../engine-database.js';
import type { PostgresDatabase } from '../postgres/postgres-database.js';
import type { PostgresRunner } from '../sql/postgres-runner.js';
import type { SqlValue } from '../sql/sql-runner.js';
import { readTables, type TableShape } from './copy-schema.js';

/** The sync_checkpoints row holding an unfinished copy's position. */
export const COPY_CHECKPOINT_KEY = 'narada.db-copy';
const CHECKPOINTS = 'sync_checkpoints';
export const LEDGER = 'listening_events';
const CHECKSUM_PAGE = 5000;
/** PostgreSQL binds at most 65,535 parameters per statement. */
const POSTGRES_PARAMETERS = 60_000;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class EngineCopySide implements CopySide {
  readonly engine: string;
  private shapes: Promise<Map<string, TableShape>> | null = null;

  constructor(
    readonly display: string,
    private readonly db: EngineDatabase,
  ) {
    this.engine = db.engine;
  }

  async tables(): Promise<CopyTable[]> {
    return [...(await this.shapesByName()).values()];
  }

  async count(table: CopyTable): Promise<number> {
    const row = await this.db.sql.one<{ n: number }>(
      `SELECT COUNT(*) AS "n" FROM ${q(table.name)}${reserved(table.name, 'WHERE')}`,
    );
    return Number(row?.n ?? 0);
  }

  async page(
    table: CopyTable,
    phase: number,
    after: readonly CopyValue[] | null,
    limit: number,
  ): Promise<CopyPage> {
    const conditions: string[] = [];
    const params: SqlValue[] = [];
    if (table.selfReferences.length > 0) {
      const none = table.selfReferences.map((c) => `${q(c)} IS NULL`).join(' AND ');
      conditions.push(phase === 0 ? `(${none})` : `NOT (${none})`);
    }
    const filter = reserved(table.name, '');
    if (filter !== '') conditions.push(filter);
    if (after !== null) {
      conditions.push(`(${table.key.map(q).join(', ')}) > (${table.key.map(() => '?').join(', ')})`);
      params.push(...(after as SqlValue[]));
    }
    const rows = await this.db.sql.all<Record<string, CopyValue>>(
      `SELECT ${table.columns.map(q).join(', ')} FROM ${q(table.name)}` +
        (conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '') +
        ` ORDER BY ${table.key.map(q).join(', ')} LIMIT ${Math.floor(limit)}`,
      params,
    );
    const values = rows.map((row) => table.columns.map((c) => row[c] ?? null));
    const last = rows.at(-1);
    return { rows: values, last: last === undefined ? null : table.key.map((c) => last[c] ?? null) };
  }

  async hasRows(): Promise<boolean> {
    for (const table of await this.tables()) {
      const row = await this.db.sql.one(
        `SELECT 1 AS "one" FROM ${q(table.name)}${reserved(table.name, 'WHERE')} LIMIT 1`,
      );
      if (row !== undefined) return true;
    }
    return false;
  }

  async wipe(): Promise<void> {
    const tables = await this.tables();
    if (this.db.engine === 'postgres') {
      // TRUNCATE fires no row triggers (the ledger refuses DELETE) and restarts the identities.
      await this.db.unitOfWork.write(() =>
        this.db.sql.run(`TRUNCATE ${tables.map((t) => q(t.name)).join(', ')} RESTART IDENTITY`),
      );
      return;
    }
    await this.db.unitOfWork.write(async () => {
      // The ledger's append-only triggers refuse DELETE: they are set aside for the wipe and put back
      // as they were, in the same transaction.
      const triggers = await this.db.sql.all<{ name: string; sql: string }>(
        `SELECT "name" AS "name", "sql" AS "sql" FROM sqlite_master WHERE "type" = 'trigger' AND "sql" IS NOT NULL`,
      );
      for (const trigger of triggers) await this.db.sql.run(`DROP TRIGGER ${q(trigger.name)}`);
      for (const table of [...tables].reverse()) await this.db.sql.run(`DELETE FROM ${q(table.name)}`);
      const sequence = await this.db.sql.one(
        `SELECT 1 AS "one" FROM sqlite_master WHERE "type" = 'table' AND "name" = 'sqlite_sequence'`,
      );
      if (sequence !== undefined) await this.db.sql.run(`DELETE FROM "sqlite_sequence"`);
      for (const trigger of triggers) await this.db.sql.run(trigger.sql);
    });
  }

  async readCheckpoint(): Promise<CopyCheckpoint | null> {
    const row = await this.db.sql.one<{ cursor: string | null }>(
      `SELECT "cursor" AS "cursor" FROM "${CHECKPOINTS}" WHERE "key" = ?`,
      [COPY_CHECKPOINT_KEY],
    );
    if (row === undefined || row.cursor === null) return null;
    return JSON.parse(row.cursor) as CopyCheckpoint;
  }

  async writePage(
    table: CopyTable,
    rows: readonly (readonly CopyValue[])[],
    checkpoint: CopyCheckpoint,
    now: number,
  ): Promise<void> {
    const shape = (await this.shapesByName()).get(table.name);
    if (shape === undefined) throw new Error(`The target has no table ${table.name}`);
    const booleans = table.columns.map((c) => shape.types[c] === 'boolean');
    const converted = rows.map((row) => row.map((value, i) => toTarget(value, booleans[i]!, this.db.engine)));
    await this.db.unitOfWork.write(async () => {
      if (this.db.engine === 'postgres') await this.insertPostgres(table, converted);
      else await this.insertSqlite(table, converted);
      await this.storeCheckpoint(checkpoint, now);
    });
  }

  saveCheckpoint(checkpoint: CopyCheckpoint, now: number): Promise<void> {
    return this.db.unitOfWork.write(() => this.storeCheckpoint(checkpoint, now));
  }

  async clearCheckpoint(): Promise<void> {
    await this.db.unitOfWork.write(() =>
      this.db.sql.run(`DELETE FROM "${CHECKPOINTS}" WHERE "key" = ?`, [COPY_CHECKPOINT_KEY]),
    );
  }

  async finishCopy(): Promise<void> {
    if (this.db.engine !== 'postgres') return; // SQLite's AUTOINCREMENT follows inserted ids itself.
    const { resyncIdentities } = await import('../postgres/postgres-migrations.js');
    await resyncIdentities((this.db as PostgresDatabase).pool);
  }

  async ledgerChecksum(): Promise<LedgerChecksum> {
    const shape = (await this.shapesByName()).get(LEDGER);
    const hash = createHash('sha256');
    if (shape === undefined) return { rows: 0, sha256: hash.digest('hex') };
    // Columns by name, so a different column order on the other engine hashes the same.
    const columns = [...shape.columns].sort();
    const select = `SELECT ${columns.map(q).join(', ')} FROM "${LEDGER}"`;
    let rows = 0;
    let after: number | null = null;
    for (;;) {
      const page: Record<string, CopyValue>[] = await this.db.sql.all<Record<string, CopyValue>>(
        after === null
          ? `${select} ORDER BY "id" LIMIT ${CHECKSUM_PAGE}`
          : `${select} WHERE "id" > ? ORDER BY "id" LIMIT ${CHECKSUM_PAGE}`,
        after === null ? [] : [after],
      );
      for (const row of page) {
        hash.update(
          JSON.stringify(columns.map((c) => canonical(row[c] ?? null, shape.types[c] === 'boolean'))),
        );
        hash.update('\n');
      }
      rows += page.length;
      if (page.length < CHECKSUM_PAGE) break;
      after = Number(page.at(-1)!['id']);
    }
    return { rows, sha256: hash.digest('hex') };
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private shapesByName(): Promise<Map<string, TableShape>> {
    this.shapes ??= readTables(this.db.sql).then((shapes) => new Map(shapes.map((s) => [s.name, s])));
    return this.shapes;
  }

  private async storeCheckpoint(checkpoint: CopyCheckpoint, now: number): Promise<void> {
    await this.db.sql.run(
      `INSERT INTO "${CHECKPOINTS}" ("key", "cursor", "state", "updated_at") VALUES (?, ?, ?, ?)
       ON CONFLICT ("key") DO UPDATE SET "cursor" = excluded."cursor", "state" = excluded."state", "updated_at" = excluded."updated_at"`,
      [COPY_CHECKPOINT_KEY, JSON.stringify(checkpoint), checkpoint.state, now],
    );
  }

  private async insertSqlite(table: CopyTable, rows: readonly (readonly CopyValue[])[]): Promise<void> {
    const statement = `INSERT INTO ${q(table.name)} (${table.columns.map(q).join(', ')}) VALUES (${table.columns
      .map(() => '?')
      .join(', ')})`;
    for (const row of rows) await this.db.sql.run(statement, row as SqlValue[]);
  }

  /** Multi-row VALUES: the parameters take their types from the target columns. */
  private async insertPostgres(table: CopyTable, rows: readonly (readonly CopyValue[])[]): Promise<void> {
    const width = table.columns.length;
    const perStatement = Math.max(1, Math.floor(POSTGRES_PARAMETERS / width));
    const head = `INSERT INTO ${q(table.name)} (${table.columns.map(q).join(', ')}) VALUES `;
    const runner = this.db.sql as PostgresRunner;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const tuples = chunk.map(
        (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
      );
      await runner.raw(head + tuples.join(', '), chunk.flat());
    }
  }
}

/** The row `key` of sync_checkpoints the copy keeps for itself: never copied, never counted. */
function reserved(table: string, keyword: 'WHERE' | ''): string {
  if (table !== CHECKPOINTS) return '';
  const condition = `"key" <> '${COPY_CHECKPOINT_KEY}'`;
  return keyword === '' ? condition : ` WHERE ${condition}`;
}

function toTarget(value: CopyValue, boolean: boolean, engine: string): CopyValue {
  if (value === null) return null;
  if (engine === 'sqlite') return typeof value === 'boolean' ? (value ? 1 : 0) : value;
  if (boolean && typeof value === 'number') return value !== 0;
  return value;
}

/** A value as the checksum sees it, the same from both engines. */
function canonical(value: CopyValue, boolean: boolean): unknown {
  if (value === null) return null;
  if (boolean) return value === true || value === 1 ? 1 : 0;
  if (value instanceof Uint8Array) return `x'${Buffer.from(value).toString('hex')}'`;
  return value;
}
