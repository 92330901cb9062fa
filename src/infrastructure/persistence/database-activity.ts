// Which Narada processes have the database open, and what each is doing: a small file per process
// beside the database, so a command that waits too long for the write lock can name who holds it.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../files/private-files.js';

export interface DatabaseActivity {
  readonly pid: number;
  /** The command, as typed up to its first option (`narada workflow run x.json`). */
  readonly activity: string;
  /** Epoch ms. */
  readonly since: number;
}

/** The command this process runs, without its options (which may hold values a log should not). */
export function currentActivity(argv: readonly string[] = process.argv.slice(2)): string {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-') || words.length === 4) break;
    words.push(arg);
  }
  return ['narada', ...words].join(' ');
}

export class ActivityBoard {
  private readonly folder: string;
  private readonly mine: string;

  constructor(databaseFile: string) {
    this.folder = join(dirname(databaseFile), `${basename(databaseFile)}.activity`);
    this.mine = join(this.folder, `${process.pid}.json`);
  }

  /** Best effort: a board that cannot be written only makes a busy message less precise. */
  register(activity: string, now: number): void {
    try {
      mkdirSync(this.folder, { recursive: true, mode: PRIVATE_FOLDER });
      const entry: DatabaseActivity = { pid: process.pid, activity, since: now };
      writeFileSync(this.mine, JSON.stringify(entry), { mode: PRIVATE_FILE });
    } catch {
      // the folder is read-only or gone: the database itself decides whether Narada can work here.
    }
  }

  unregister(): void {
    rmSync(this.mine, { force: true });
  }

  /** Live processes other than this one; entries of processes that died are skipped and removed. */
  others(): DatabaseActivity[] {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return [];
    }
    const found: DatabaseActivity[] = [];
    for (const name of names) {
      const file = join(this.folder, name);
      const entry = readEntry(file);
      if (entry === null || entry.pid === process.pid) continue;
      if (isAlive(entry.pid)) found.push(entry);
      else rmSync(file, { force: true });
    }
    return found.sort((a, b) => a.since - b.since);
  }
}

function readEntry(file: string): DatabaseActivity | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<DatabaseActivity>;
    if (typeof value.pid !== 'number' || typeof value.activity !== 'string') return null;
    return { pid: value.pid, activity: value.activity, since: Number(value.since ?? 0) };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
