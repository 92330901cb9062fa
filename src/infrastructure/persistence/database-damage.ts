// A database file with damaged pages: recognising SQLite's corruption errors, the one message that
// says how to recover, and a marker beside the file so that, once damage is seen, every later command
// refuses to write into it until `narada status` finds the file sound again.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { NaradaError } from '../../domain/shared/errors.js';
import { PRIVATE_FILE } from '../files/private-files.js';

/** SQLITE_CORRUPT (and its extended codes) or SQLITE_NOTADB, raw or wrapped by TypeORM. */
export function isDamage(error: unknown): boolean {
  const codes = [error, (error as { driverError?: unknown } | null)?.driverError].map(
    (e) => (e as { code?: unknown } | null)?.code,
  );
  return codes.some(
    (code) => typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'),
  );
}

export function databaseDamaged(path: string, problems: readonly string[], cause?: unknown): NaradaError {
  const recovered = `${path}.recovered`;
  return new NaradaError(
    'DATABASE.DAMAGED',
    `The database ${path} is damaged (${problems[0] ?? 'damaged pages'}), so Narada writes nothing to it. ` +
      `Recover it: keep a copy of the file, then put back a copy you saved earlier, or rebuild it with ` +
      `\`sqlite3 ${path} ".recover" | sqlite3 ${recovered}\` and move ${recovered} over it; ` +
      'then run `narada status` to check it again.',
    'failure',
    { cause, details: { path, problems } },
  );
}

export class DamageMarker {
  private readonly file: string;
  private problems: readonly string[] | null;

  constructor(private readonly path: string) {
    this.file = `${path}.damaged`;
    this.problems = readProblems(this.file);
  }

  /** Throws DATABASE.DAMAGED when damage was found earlier and not checked away since. */
  refuseIfDamaged(): void {
    if (this.problems !== null) throw databaseDamaged(this.path, this.problems);
  }

  mark(problems: readonly string[]): void {
    this.problems = problems;
    try {
      writeFileSync(this.file, JSON.stringify({ problems }), { mode: PRIVATE_FILE });
    } catch {
      // A folder that takes no file: this command still fails with the message; the next one may not.
    }
  }

  clear(): void {
    this.problems = null;
    rmSync(this.file, { force: true });
  }

  /** Maps a corruption error to DATABASE.DAMAGED (remembering it); other errors pass unchanged. */
  translate(error: unknown): unknown {
    if (!isDamage(error)) return error;
    const problem = error instanceof Error ? error.message : String(error);
    this.mark([problem]);
    return databaseDamaged(this.path, [problem], error);
  }
}

function readProblems(file: string): readonly string[] | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const { problems } = JSON.parse(text) as { problems?: unknown };
    return Array.isArray(problems) ? problems.map(String) : ['damage found earlier'];
  } catch {
    return ['damage found earlier'];
  }
}
