// `narada status`'s integrity check: SQLite's quick_check reads every page once (without comparing
// indexes to their tables, which integrity_check adds at twice the time; measured in docs/DATABASE.md).
import type Database from 'better-sqlite3';
import type { DatabaseIntegrity } from '../../application/ports/database-info.port.js';
import { databaseDamaged, isDamage, type DamageMarker } from './database-damage.js';

/** Problems reported at most; the first few say enough to decide, the rest would flood the screen. */
const PROBLEMS_SHOWN = 10;

export function checkIntegrity(
  sqlite: Database.Database,
  path: string,
  damage: DamageMarker,
): DatabaseIntegrity {
  let problems: string[];
  try {
    const rows = sqlite.pragma(`quick_check(${PROBLEMS_SHOWN})`, { simple: false }) as Array<{
      quick_check: string;
    }>;
    problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  } catch (error) {
    if (!isDamage(error)) throw error;
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length === 0) {
    damage.clear();
    return { state: 'ok', problems: [], recovery: null };
  }
  damage.mark(problems);
  return { state: 'damaged', problems, recovery: databaseDamaged(path, problems).message };
}
