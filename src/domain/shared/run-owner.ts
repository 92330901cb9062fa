// The process that runs an import or a workflow, recorded with the run: a run left `running` by a
// process that has since ended (killed, crashed, a power cut) can then be told from one still going.
import type { EpochMs } from '../values/time.js';

export interface RunOwner {
  readonly pid: number;
  /** The machine's host name: a process id means something only on its own machine. */
  readonly host: string;
  /** When the process started, so a process id the system gave again later is not taken for it. */
  readonly startedAt: EpochMs;
}
