// `narada schedule add | list | remove | run-due | install`: workflows that run by themselves. `run-due`
// runs what is due (once each, however many processes call it); `install` makes the machine's timer
// (a systemd user timer, or cron) call it (docs/WORKFLOWS.md, "Schedules").
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { DATA_ENV, LASTFM_ENV, SPOTIFY_ENV } from '../../config/environment.js';
import { SCHEDULES } from '../../di/schedules.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, withHelp } from '../help.js';
import { parseParams } from './workflow.js';

interface AddArgs extends GlobalArgs {
  readonly workflow: string;
  readonly every?: string;
  readonly cron?: string;
  readonly tz?: string;
  readonly param?: readonly string[];
  readonly name?: string;
}

interface RemoveArgs extends GlobalArgs {
  readonly schedule: string;
}

interface RunDueArgs extends GlobalArgs {
  readonly dryRun: boolean;
}

interface InstallArgs extends GlobalArgs {
  readonly systemd: boolean;
  readonly cron: boolean;
  readonly every: string;
  readonly dryRun: boolean;
}

const addCommand: CommandModule<GlobalArgs, AddArgs> = {
  command: 'add <workflow>',
  describe: 'Run a workflow by itself, every so often (--every) or at cron times (--cron)',
  builder: (yargs) =>
    yargs
      .positional('workflow', {
        type: 'string',
        demandOption: true,
        describe: 'A .json file, or a workflow id (`narada workflow list`)',
      })
      .option('every', {
        type: 'string',
        describe: 'How often: 30m, 12h, 1d, 1w (first run: the next run-due)',
      })
      .option('cron', { type: 'string', describe: 'Cron times, five fields: "0 6 * * *" is 06:00 every day' })
      .option('tz', { type: 'string', describe: "Time zone of --cron times (default: this machine's)" })
      .option('param', {
        type: 'string',
        array: true,
        describe: 'A workflow parameter for every run: --param playlist_id=<id> (repeatable)',
      })
      .option('name', {
        type: 'string',
        describe: 'Name of the schedule (default: the workflow id)',
      }) as Argv<AddArgs>,
  handler: withContext<AddArgs>(async (ctx, args) => {
    const schedule = await (
      await ctx.get(SCHEDULES.Add)
    ).run({
      workflow: args.workflow,
      cwd: ctx.runtime.cwd,
      parameters: parseParams(args.param ?? []),
      every: args.every,
      cron: args.cron,
      timeZone: args.tz,
      name: args.name,
    });
    const { renderAdded, scheduleJson } = await import('../views/schedules-lines.js');
    ctx.output.result(scheduleJson(schedule), () => renderAdded(schedule));
  }),
};

const listCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'list',
  describe: 'The schedules: workflow, rule, next due time, last run and its outcome',
  handler: withContext(async (ctx) => {
    const schedules = await (await ctx.get(SCHEDULES.List)).run();
    const { renderSchedules, scheduleJson } = await import('../views/schedules-lines.js');
    ctx.output.result({ schedules: schedules.map(scheduleJson) }, () => renderSchedules(schedules));
  }),
};

const removeCommand: CommandModule<GlobalArgs, RemoveArgs> = {
  command: 'remove <schedule>',
  describe: 'Remove a schedule (by id or name); its past workflow runs stay',
  builder: (yargs) =>
    yargs.positional('schedule', {
      type: 'string',
      demandOption: true,
      describe: 'The id or name `schedule list` shows',
    }) as Argv<RemoveArgs>,
  handler: withContext<RemoveArgs>(async (ctx, args) => {
    const removed = await (await ctx.get(SCHEDULES.Remove)).run(String(args.schedule));
    const { scheduleJson } = await import('../views/schedules-lines.js');
    ctx.output.result({ removed: scheduleJson(removed) }, () => [
      `Removed schedule ${removed.id} (${removed.name}); its runs stay in \`narada workflow runs\`.`,
    ]);
  }),
};

const runDueCommand: CommandModule<GlobalArgs, RunDueArgs> = {
  command: 'run-due',
  describe: 'Run every schedule whose time has come, once each (what the timer calls)',
  builder: (yargs) =>
    yargs.option('dry-run', {
      type: 'boolean',
      default: false,
      describe: 'Show what is due and whether its workflow loads; run nothing',
    }) as unknown as Argv<RunDueArgs>,
  handler: withContext<RunDueArgs>(async (ctx, args) => {
    const report = await (await ctx.get(SCHEDULES.RunDue)).run({ dryRun: args.dryRun });
    const { renderRunDue, runDueJson } = await import('../views/schedules-lines.js');
    ctx.output.result(runDueJson(report), () => renderRunDue(report));
    const failed = report.runs.filter((run) => run.status === 'failed');
    if (failed.length > 0) {
      const { ReportedFailure } = await import('../exit-codes.js');
      const { NaradaError } = await import('../../../domain/shared/errors.js');
      // The report (stdout) says which failed and why; the exit code tells the timer something did.
      throw new ReportedFailure(
        new NaradaError(
          'SCHEDULE.RUN_FAILED',
          `${failed.length} scheduled run(s) failed: ${failed.map((run) => run.name).join(', ')}; each is tried again at its next due time`,
          'failure',
        ),
      );
    }
  }),
};

const installCommand: CommandModule<GlobalArgs, InstallArgs> = {
  command: 'install',
  describe: 'Make this machine call `schedule run-due` every so often (systemd user timer, or cron)',
  builder: (yargs) =>
    yargs.options({
      systemd: { type: 'boolean', default: false, describe: 'A systemd user service and timer' },
      cron: { type: 'boolean', default: false, describe: 'A crontab line' },
      every: { type: 'string', default: '15m', describe: 'How often to check for due schedules' },
      'dry-run': { type: 'boolean', default: false, describe: 'Print what would be written; write nothing' },
    }) as unknown as Argv<InstallArgs>,
  handler: withContext<InstallArgs>(async (ctx, args) => {
    if (args.systemd && args.cron) {
      throw new InvalidInputError('SCHEDULE.ONE_TIMER', 'Choose one of --systemd or --cron');
    }
    const { parseDuration } = await import('../../../domain/schedules/schedule-rule.js');
    const { installTimer } = await import('../../schedules/timer-install.js');
    const { renderInstall } = await import('../views/schedules-lines.js');
    const env = ctx.runtime.env;
    const result = installTimer({
      kind: args.systemd ? 'systemd' : args.cron ? 'cron' : null,
      dryRun: args.dryRun,
      env,
      nodePath: process.execPath,
      cliPath: realpathSync(fileURLToPath(new URL('../main.js', import.meta.url))),
      workingDir: ctx.runtime.cwd,
      naradaHome: ctx.config.home,
      everyMs: parseDuration(args.every),
      configHome: env.XDG_CONFIG_HOME || join(env.HOME ?? homedir(), '.config'),
      logDir: ctx.config.logDir,
    });
    ctx.output.result(result, renderInstall);
  }),
};

const HELP_ENV = [...DATA_ENV, ...SPOTIFY_ENV, ...LASTFM_ENV];

export const scheduleCommand = commandGroup<GlobalArgs>(
  'schedule',
  'Run workflows by themselves: every so often or at cron times',
  [
    withHelp(addCommand, {
      examples: [
        ['$0 schedule add sort_by_plays --every 12h --param playlist_id=<id>', 'Sort a playlist twice a day'],
        [
          '$0 schedule add ./weekly.json --cron "0 6 * * 1" --tz Europe/Berlin',
          'Mondays at 06:00, Berlin time',
        ],
      ],
      env: DATA_ENV,
    }),
    withHelp(listCommand, {
      examples: [['$0 schedule list --json', 'Every schedule with its next due time and last outcome']],
      env: DATA_ENV,
    }),
    withHelp(removeCommand, {
      examples: [['$0 schedule remove 3', 'Remove schedule 3 (or give its name)']],
      env: DATA_ENV,
    }),
    withHelp(runDueCommand, {
      examples: [
        ['$0 schedule run-due', 'Run what is due now'],
        ['$0 schedule run-due --dry-run', 'What is due, without running it'],
      ],
      env: HELP_ENV,
    }),
    withHelp(installCommand, {
      examples: [
        [
          '$0 schedule install --systemd',
          'A systemd user timer that runs the due schedules every 15 minutes',
        ],
        ['$0 schedule install --cron --every 30m --dry-run', 'Print the crontab line, install nothing'],
      ],
      env: DATA_ENV,
    }),
  ],
  {
    examples: [
      ['$0 schedule add sort_by_plays --every 1d --param playlist_id=<id>', 'Sort a playlist every day'],
      ['$0 schedule install', 'Let this machine run the schedules when they are due'],
    ],
    env: DATA_ENV,
  },
);
