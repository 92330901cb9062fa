// Which process owns a run, and whether that process has ended: import and workflow runs record
// their owner (pid, host, process start time) so a run left `running` by a killed or crashed process
// is marked `interrupted` at the next start, while a run another live process is doing is left alone.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { RunOwner } from '../../domain/shared/run-owner.js';

export interface ProcessTable {
  /** This process, as the owner of the runs it starts. */
  current(): RunOwner;
  /**
   * True only when the owner's process has surely ended: no such process on this machine, a zombie,
   * or its id now belongs to a process started at another time. Runs of another machine cannot be
   * checked and count as alive; a run recorded without owner (before schema 4) counts as ended.
   */
  hasEnded(owner: RunOwner | null): boolean;
}

/** Process start times from /proc are read from whole-second boot times and clock ticks. */
const START_TOLERANCE_MS = 30_000;
/** USER_HZ, the unit of /proc/<pid>/stat times, is 100 on every Linux Node runs on. */
const TICKS_PER_SECOND = 100;

export const systemProcesses: ProcessTable = {
  current: () => ({ pid: process.pid, host: hostname(), startedAt: Math.round(performance.timeOrigin) }),
  hasEnded(owner) {
    if (owner === null) return true;
    if (owner.host !== hostname()) return false;
    if (!processExists(owner.pid)) return true;
    const linux = linuxProcess(owner.pid);
    if (linux === null) return false;
    return linux.zombie || Math.abs(linux.startedAt - owner.startedAt) > START_TOLERANCE_MS;
  },
};

/**
 * Marks each of the running runs whose process has ended interrupted, one by one, saying why; the
 * runs as marked. The caller reads the running rows first: a live run elsewhere may hold the write
 * lock, and there is usually nothing to mark.
 */
export async function interruptAbandoned<R extends { readonly owner: RunOwner | null }>(
  running: readonly R[],
  processes: ProcessTable,
  interrupt: (run: R, reason: string) => Promise<R>,
): Promise<R[]> {
  const marked: R[] = [];
  for (const run of running.filter((r) => processes.hasEnded(r.owner))) {
    marked.push(await interrupt(run, abandonedReason(run.owner)));
  }
  return marked;
}

/** Why a run was marked interrupted, for its `error` column. */
function abandonedReason(owner: RunOwner | null): string {
  return owner === null
    ? 'left running by a Narada that recorded no process'
    : `its process (pid ${owner.pid} on ${owner.host}) ended before the run finished`;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The state and start time of a process from /proc; null where there is no /proc (macOS, Windows). */
function linuxProcess(pid: number): { zombie: boolean; startedAt: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its `)`.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0] ?? '';
    const startTicks = Number(fields[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(startTicks) || !Number.isFinite(bootSeconds)) return null;
    return {
      zombie: state === 'Z' || state === 'X',
      startedAt: bootSeconds * 1000 + (startTicks * 1000) / TICKS_PER_SECOND,
    };
  } catch {
    return null;
  }
}
