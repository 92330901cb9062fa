// Which Narada processes have the database open, and what each is doing: a small file per process
// beside the database, so a command that waits too long for the write lock can name who holds it.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RunOwner } from '../../domain/shared/run-owner.js';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../files/private-files.js';
import { systemProcesses, type ProcessTable } from './run-owners.js';

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

  constructor(
    databaseFile: string,
    private readonly processes: ProcessTable = systemProcesses,
  ) {
    this.folder = join(dirname(databaseFile), `${basename(databaseFile)}.activity`);
    this.mine = join(this.folder, `${process.pid}.json`);
  }

  /** Best effort: a board that cannot be written only makes a busy message less precise. */
  register(activity: string, now: number): void {
    try {
      mkdirSync(this.folder, { recursive: true, mode: PRIVATE_FOLDER });
      const entry: StoredActivity = { ...this.processes.current(), activity, since: now };
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
      if (entry?.activity.pid === process.pid) continue;
      // A process that ended (or a pid the system gave again) leaves a stale entry: drop it.
      if (entry !== null && !this.processes.hasEnded(entry.owner)) found.push(entry.activity);
      else rmSync(file, { force: true });
    }
    return found.sort((a, b) => a.since - b.since);
  }
}

/** What a process writes about itself: who it is (as a run's owner is recorded) and what it does. */
interface StoredActivity extends RunOwner {
  readonly activity: string;
  readonly since: number;
}

function readEntry(file: string): { owner: RunOwner | null; activity: DatabaseActivity } | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredActivity>;
    if (typeof value.pid !== 'number' || typeof value.activity !== 'string') return null;
    const owner =
      typeof value.host === 'string' && typeof value.startedAt === 'number'
        ? { pid: value.pid, host: value.host, startedAt: value.startedAt }
        : null;
    return { owner, activity: { pid: value.pid, activity: value.activity, since: Number(value.since ?? 0) } };
  } catch {
    return null;
  }
}
