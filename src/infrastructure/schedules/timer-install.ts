// `narada schedule install`: without a server, the machine's own timer calls `narada schedule run-due`
// every so often, with absolute paths to node and the CLI and the data folder carried along. A systemd
// user timer (a service and a timer under ~/.config/systemd/user), or a crontab line.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { formatDuration } from '../../domain/schedules/schedule-rule.js';
import { InvalidInputError, NaradaError } from '../../domain/shared/errors.js';

export const TIMER_NAME = 'narada-schedules';
/** Ends the crontab line, so installing again replaces it. */
const CRON_MARK = `# ${TIMER_NAME}`;

export interface TimerSetup {
  /** Absolute paths to node and the CLI's main.js. */
  readonly nodePath: string;
  readonly cliPath: string;
  /** Where run-due runs: a `.env` there is read, as when the user runs narada here. */
  readonly workingDir: string;
  /** Carried to every run: NARADA_HOME always, DATABASE_URL when set. */
  readonly env: Readonly<Record<string, string>>;
  readonly everyMs: number;
  /** $XDG_CONFIG_HOME, else ~/.config. */
  readonly configHome: string;
  /** Where cron writes what run-due prints. */
  readonly logDir: string;
}

export interface TimerFile {
  readonly path: string;
  readonly content: string;
}

export interface InstallRequest extends Omit<TimerSetup, 'env'> {
  /** null: systemd where `systemctl` is on PATH, else cron. */
  readonly kind: 'systemd' | 'cron' | null;
  readonly dryRun: boolean;
  /** The environment `install` runs in: PATH, and DATABASE_URL to carry. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly naradaHome: string;
}

export interface InstallResult {
  readonly kind: 'systemd' | 'cron';
  readonly dryRun: boolean;
  readonly files: readonly TimerFile[];
  readonly cronLine: string | null;
  readonly installed: boolean;
  /** Commands the user runs next (systemd: start the timer). */
  readonly next: readonly string[];
  readonly notes: readonly string[];
}

/** Writes the systemd files, or installs the crontab line; with `dryRun`, only says what it would. */
export function installTimer(request: InstallRequest): InstallResult {
  const { dryRun, env } = request;
  const { carried, notes } = carriedEnv(request.naradaHome, env.DATABASE_URL);
  const setup: TimerSetup = { ...request, env: carried };
  const kind = request.kind ?? (findProgram('systemctl', env.PATH) !== null ? 'systemd' : 'cron');
  if (kind === 'systemd') {
    const files = systemdFiles(setup);
    if (!dryRun) writeTimerFiles(files);
    return { kind, dryRun, files, cronLine: null, installed: !dryRun, next: SYSTEMD_NEXT, notes };
  }
  const line = cronLine(setup);
  const crontab = findProgram('crontab', env.PATH);
  if (!dryRun && crontab !== null) {
    mkdirSync(setup.logDir, { recursive: true });
    installCronLine(crontab, line, { ...env });
  } else if (!dryRun) {
    notes.push('No `crontab` program was found: add the line above to your crontab yourself (`crontab -e`)');
  }
  return { kind, dryRun, files: [], cronLine: line, installed: !dryRun && crontab !== null, next: [], notes };
}

/** NARADA_HOME always; DATABASE_URL when set, unless it holds a password (not written into a file). */
function carriedEnv(
  naradaHome: string,
  databaseUrl: string | undefined,
): { carried: Record<string, string>; notes: string[] } {
  const carried: Record<string, string> = { NARADA_HOME: naradaHome };
  const notes: string[] = [];
  if (databaseUrl === undefined || databaseUrl === '') return { carried, notes };
  if (/^[a-z][\w+.-]*:\/\/[^/@]*:[^/@]*@/i.test(databaseUrl)) {
    notes.push(
      'DATABASE_URL holds a password, so it is not written into the timer: put it in NARADA_HOME/.env, which every narada command reads',
    );
  } else carried.DATABASE_URL = databaseUrl;
  return { carried, notes };
}

const RUN_DUE_ARGS = ['schedule', 'run-due', '--no-progress'];

/** The service and the timer of a systemd user timer. */
function systemdFiles(setup: TimerSetup): TimerFile[] {
  const dir = join(setup.configHome, 'systemd', 'user');
  const every = systemdSpan(setup.everyMs);
  const service = [
    '[Unit]',
    'Description=Narada: run the workflows whose schedule is due',
    '',
    '[Service]',
    'Type=oneshot',
    `WorkingDirectory=${systemdQuote(setup.workingDir)}`,
    ...Object.entries(setup.env).map(([name, value]) => `Environment=${systemdQuote(`${name}=${value}`)}`),
    `ExecStart=${[setup.nodePath, setup.cliPath, ...RUN_DUE_ARGS].map(systemdQuote).join(' ')}`,
    '',
  ].join('\n');
  const timer = [
    '[Unit]',
    `Description=Narada: check the schedules every ${formatDuration(setup.everyMs)}`,
    '',
    '[Timer]',
    'OnBootSec=2min',
    `OnUnitActiveSec=${every}`,
    `Unit=${TIMER_NAME}.service`,
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
  return [
    { path: join(dir, `${TIMER_NAME}.service`), content: service },
    { path: join(dir, `${TIMER_NAME}.timer`), content: timer },
  ];
}

/** What to run after writing the systemd files, for the timer to start. */
const SYSTEMD_NEXT = ['systemctl --user daemon-reload', `systemctl --user enable --now ${TIMER_NAME}.timer`];

function writeTimerFiles(files: readonly TimerFile[]): void {
  for (const file of files) {
    mkdirSync(join(file.path, '..'), { recursive: true });
    // 0600: DATABASE_URL may name a server, and the file is the user's alone.
    writeFileSync(file.path, file.content, { mode: 0o600 });
  }
}

/** The crontab line: every N minutes (N dividing 60) or every N hours (N dividing 24). */
function cronLine(setup: TimerSetup): string {
  const env = Object.entries(setup.env).map(([name, value]) => `${name}=${shellQuote(value)}`);
  const command = [
    `cd ${shellQuote(setup.workingDir)} &&`,
    ...env,
    ...[setup.nodePath, setup.cliPath].map(shellQuote),
    ...RUN_DUE_ARGS,
    `>> ${shellQuote(join(setup.logDir, 'schedule-run-due.log'))} 2>&1`,
  ].join(' ');
  // cron turns an unescaped % into a newline.
  return `${cronTimes(setup.everyMs)} ${command.replace(/%/g, '\\%')} ${CRON_MARK}`;
}

/** The program's path when it is on PATH (`crontab`, `systemctl`); null when it is not. */
function findProgram(name: string, path: string | undefined): string | null {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** Replaces the line installed before (if any) in the user's crontab with `line`, through `crontab -`. */
function installCronLine(crontab: string, line: string, env: NodeJS.ProcessEnv): void {
  const listed = spawnSync(crontab, ['-l'], { encoding: 'utf8', env });
  // `crontab -l` fails with "no crontab for <user>" when there is none yet: start from nothing. Any
  // other failure stops here: writing a table we could not read would wipe the user's lines.
  if (listed.status !== 0 && !/no crontab/i.test(listed.stderr ?? '')) {
    throw new NaradaError(
      'SCHEDULE.CRONTAB_FAILED',
      `\`crontab -l\` failed (${(listed.stderr || listed.error?.message || `exit ${listed.status}`).trim()}), so your crontab was left as it is; add this line yourself with \`crontab -e\`:\n${line}`,
      'failure',
    );
  }
  const current = listed.status === 0 ? listed.stdout : '';
  const kept = current.split('\n').filter((l) => l !== '' && !l.endsWith(CRON_MARK));
  const written = spawnSync(crontab, ['-'], {
    input: `${[...kept, line].join('\n')}\n`,
    encoding: 'utf8',
    env,
  });
  if (written.status !== 0) {
    throw new NaradaError(
      'SCHEDULE.CRONTAB_FAILED',
      `crontab refused the new table (${(written.stderr || written.error?.message || `exit ${written.status}`).trim()}); add this line yourself with \`crontab -e\`:\n${line}`,
      'failure',
    );
  }
}

function cronTimes(everyMs: number): string {
  const minutes = everyMs / 60_000;
  if (Number.isInteger(minutes) && minutes < 60 && 60 % minutes === 0) {
    return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
  }
  const hours = everyMs / 3_600_000;
  if (Number.isInteger(hours) && hours <= 24 && 24 % hours === 0) {
    return hours === 24 ? '0 0 * * *' : hours === 1 ? '0 * * * *' : `0 */${hours} * * *`;
  }
  throw new InvalidInputError(
    'SCHEDULE.BAD_CRON_INTERVAL',
    `--every ${formatDuration(everyMs)} cannot be written as a crontab line: give minutes that divide 60 (5m, 15m, 30m) or hours that divide 24 (1h, 6h, 1d)`,
  );
}

/** A systemd time span: `15m`, `1h 30m`. */
function systemdSpan(ms: number): string {
  return formatDuration(ms).replace(/(\d+[a-z])(?=\d)/g, '$1 ');
}

/** Quoted for a systemd unit line when it holds a space, a quote or a backslash; `%` starts a specifier. */
function systemdQuote(value: string): string {
  const text = value.replace(/%/g, '%%');
  if (!/[\s"'\\]/.test(text)) return text;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
