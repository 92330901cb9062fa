// `narada db copy --to <url>` / `--from <url>`: moves a whole library between the configured database
// and another one (SQLite ⇄ PostgreSQL), ids kept, the ledger byte for byte. Both sides must be at this
// Narada's schema (an empty target is migrated as it opens); a target holding rows is refused unless
// `replace`. Tables go parents first, in pages of rows in key order, each page written in one
// transaction together with the copy's checkpoint in the target, so a copy killed half-way continues
// where it stopped when run again. At the end the row counts of every table and a SHA-256 of the
// ledger are compared on both sides: a difference fails naming the table.
import type { Clock } from '../../ports/clock.port.js';
import type {
  CopyCheckpoint,
  CopySide,
  CopySideProbe,
  CopyTable,
  CopyValue,
  DatabaseCopyEndpoints,
  LedgerChecksum,
} from '../../ports/database-copy.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import { ConfigurationError, InvalidInputError, NaradaError } from '../../../domain/shared/errors.js';

export const DEFAULT_COPY_PAGE_SIZE = 2000;

export interface CopyDatabaseRequest {
  /** `to`: the configured database is the source; `from`: it is the target. */
  readonly direction: 'to' | 'from';
  /** The other database: postgres://… or sqlite:/path. */
  readonly url: string;
  /** Remove the target's rows first instead of refusing a target that holds any. */
  readonly replace?: boolean;
  /** Rows per page (one transaction each). */
  readonly pageSize?: number;
  /** A pause after each page (tests use it to stop a copy half-way). */
  readonly pageDelayMs?: number;
}

export interface CopiedTable {
  readonly table: string;
  readonly rows: number;
}

export interface CopyDatabaseResult {
  readonly source: string;
  readonly target: string;
  /** True when this run continued an unfinished copy. */
  readonly resumed: boolean;
  readonly tables: readonly CopiedTable[];
  readonly rows: number;
  readonly ledger: LedgerChecksum | null;
  readonly verified: true;
}

export interface CopyDatabaseDeps {
  readonly endpoints: DatabaseCopyEndpoints;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
}

export class CopyDatabase {
  constructor(private readonly deps: CopyDatabaseDeps) {}

  async run(request: CopyDatabaseRequest): Promise<CopyDatabaseResult> {
    const pageSize = request.pageSize ?? DEFAULT_COPY_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50_000) {
      throw new InvalidInputError(
        'DB_COPY.PAGE_SIZE',
        `--page-size ${pageSize} is not a whole number from 1 to 50000`,
      );
    }
    const configured = await this.deps.endpoints.configured();
    const other = await this.deps.endpoints.other(request.url);
    const [sourceProbe, targetProbe] = request.direction === 'to' ? [configured, other] : [other, configured];
    checkSchemas(sourceProbe, targetProbe);
    const source = await sourceProbe.open();
    try {
      const target = await targetProbe.open();
      try {
        return await this.copy(source, target, { ...request, pageSize });
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  }

  private async copy(
    source: CopySide,
    target: CopySide,
    request: CopyDatabaseRequest & { readonly pageSize: number },
  ): Promise<CopyDatabaseResult> {
    let checkpoint = await target.readCheckpoint();
    if (request.replace === true) {
      await target.wipe();
      checkpoint = null;
    } else if (checkpoint === null || checkpoint.source !== source.display) {
      if (checkpoint !== null || (await target.hasRows())) {
        throw new InvalidInputError(
          'DB_COPY.TARGET_NOT_EMPTY',
          `The target database ${target.display} already holds data; copying into it would mix two libraries. ` +
            'Run again with --replace to remove its rows first, or choose an empty database.',
          { details: { target: target.display } },
        );
      }
      checkpoint = null;
    }
    const resumed = checkpoint !== null;
    const tables = await source.tables();
    await checkSameTables(tables, await target.tables(), target.display);
    let state: CopyCheckpoint = checkpoint ?? {
      source: source.display,
      done: [],
      current: null,
      state: 'copying',
    };
    if (state.state === 'copying') {
      for (const table of tables) {
        if (state.done.includes(table.name)) continue;
        state = await this.copyTable(source, target, table, state, request);
      }
      state = { ...state, current: null, state: 'verifying' };
      await target.saveCheckpoint(state, this.deps.clock.now());
    }
    await target.finishCopy();
    const verified = await verify(source, target, tables);
    await target.clearCheckpoint();
    return {
      source: source.display,
      target: target.display,
      resumed,
      tables: verified.tables,
      rows: verified.tables.reduce((sum, t) => sum + t.rows, 0),
      ledger: verified.ledger,
      verified: true,
    };
  }

  private async copyTable(
    source: CopySide,
    target: CopySide,
    table: CopyTable,
    start: CopyCheckpoint,
    request: CopyDatabaseRequest & { readonly pageSize: number },
  ): Promise<CopyCheckpoint> {
    const total = await source.count(table);
    const task = this.deps.progress.task(`Copying ${table.name}`, total);
    const position = start.current?.table === table.name ? start.current : null;
    let copied = position?.copied ?? 0;
    if (copied > 0) task.advance(copied, 'continuing an unfinished copy');
    let state = start;
    try {
      const phases = table.selfReferences.length > 0 ? [0, 1] : [0];
      for (const phase of phases) {
        if (position !== null && phase < position.phase) continue;
        let after: readonly CopyValue[] | null =
          position !== null && phase === position.phase ? position.after : null;
        for (;;) {
          const page = await source.page(table, phase, after, request.pageSize);
          if (page.rows.length === 0 || page.last === null) break;
          copied += page.rows.length;
          after = page.last;
          state = { ...state, current: { table: table.name, phase, after, copied } };
          await target.writePage(table, page.rows, state, this.deps.clock.now());
          task.advance(page.rows.length);
          if (request.pageDelayMs !== undefined && request.pageDelayMs > 0) {
            await this.deps.clock.sleep(request.pageDelayMs);
          }
        }
      }
      state = { ...state, done: [...state.done, table.name], current: null };
      await target.saveCheckpoint(state, this.deps.clock.now());
      task.done(`${copied} of ${total} rows`);
      return state;
    } catch (error) {
      task.fail(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}

function checkSchemas(source: CopySideProbe, target: CopySideProbe): void {
  const version = (applied: readonly string[]) => applied.at(-1) ?? 'none';
  if (source.applied.length === 0) {
    throw new InvalidInputError(
      'DB_COPY.SOURCE_EMPTY',
      `The source database ${source.display} holds no Narada library (no schema); check the URL or DATABASE_URL.`,
      { details: { source: source.display } },
    );
  }
  if (!sameList(source.applied, source.known)) {
    throw new ConfigurationError(
      'DB_COPY.SOURCE_SCHEMA',
      `The source database ${source.display} is at schema ${version(source.applied)} (${source.applied.length} migrations), ` +
        `this Narada at ${version(source.known)} (${source.known.length}); bring it up to date first with ` +
        '`narada db migrate` (DATABASE_URL naming it).',
      { details: { source: source.display } },
    );
  }
  if (target.applied.length > 0 && !sameList(target.applied, source.applied)) {
    throw new ConfigurationError(
      'DB_COPY.TARGET_SCHEMA',
      `The target database ${target.display} is at schema ${version(target.applied)} (${target.applied.length} migrations), ` +
        `the source at ${version(source.applied)} (${source.applied.length}); bring the target up to date first with ` +
        '`narada db migrate` (DATABASE_URL naming it).',
      { details: { target: target.display } },
    );
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

async function checkSameTables(
  source: readonly CopyTable[],
  target: readonly CopyTable[],
  display: string,
): Promise<void> {
  const byName = new Map(target.map((t) => [t.name, t]));
  for (const table of source) {
    const other = byName.get(table.name);
    const missing =
      other === undefined ? ['(the table)'] : table.columns.filter((c) => !other.columns.includes(c));
    if (missing.length > 0) {
      throw new NaradaError(
        'DB_COPY.SCHEMA_DIFFERS',
        `The target database ${display} has no ${missing.join(', ')} in table ${table.name}, though both sides are at the same schema version; ` +
          'the copy stopped before writing it.',
        'failure',
        { details: { table: table.name } },
      );
    }
  }
}

async function verify(
  source: CopySide,
  target: CopySide,
  tables: readonly CopyTable[],
): Promise<{ tables: CopiedTable[]; ledger: LedgerChecksum | null }> {
  const counted: CopiedTable[] = [];
  for (const table of tables) {
    const [from, to] = [await source.count(table), await target.count(table)];
    if (from !== to) {
      throw new NaradaError(
        'DB_COPY.VERIFY_FAILED',
        `Verification failed: table ${table.name} has ${from} rows in ${source.display} but ${to} in ${target.display}. ` +
          'Was the source written to during the copy? Run the copy again with --replace.',
        'failure',
        { details: { table: table.name, source: from, target: to } },
      );
    }
    counted.push({ table: table.name, rows: from });
  }
  const [from, to] = [await source.ledgerChecksum(), await target.ledgerChecksum()];
  if (from.sha256 !== to.sha256 || from.rows !== to.rows) {
    throw new NaradaError(
      'DB_COPY.VERIFY_FAILED',
      `Verification failed: table listening_events (the ledger) differs: checksum ${from.sha256.slice(0, 12)}… in ${source.display}, ` +
        `${to.sha256.slice(0, 12)}… in ${target.display}. Run the copy again with --replace.`,
      'failure',
      { details: { table: 'listening_events' } },
    );
  }
  return { tables: counted, ledger: from };
}
