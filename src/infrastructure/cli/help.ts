// What `--help` shows beyond the options: examples, and the environment variables a command reads.
// Also how a command group asks for one of its subcommands (app.ts turns the miss into a listing).
import type { Argv, CommandModule } from 'yargs';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { ENVIRONMENT, type EnvVar } from '../config/environment.js';

/** The message a group's demandCommand fails with; app.ts recognises it and lists the subcommands. */
export const MISSING_SUBCOMMAND = 'narada:missing-subcommand';

export interface CommandHelp {
  /** `[command line, what it does]`; `$0` stands for `narada`. */
  readonly examples: ReadonlyArray<readonly [string, string]>;
  readonly env: readonly EnvVar[];
}

export function documented<T>(yargs: Argv<T>, help: CommandHelp): Argv<T> {
  for (const [line, what] of help.examples) yargs.example(line, what);
  return yargs.epilogue(environmentText(help.env));
}

/** The command with `help` added to its `--help` (for commands defined without it). */
export function withHelp<U, T>(command: CommandModule<U, T>, help: CommandHelp): CommandModule<U, T> {
  const { builder } = command;
  return {
    ...command,
    builder: (yargs: Argv<U>) => {
      const built = typeof builder === 'function' ? builder(yargs) : builder ? yargs.options(builder) : yargs;
      return documented(built as Argv<T>, help);
    },
  };
}

/** A group of subcommands: run alone, it lists them instead of failing on a missing argument. */
export function needsSubcommand<T>(yargs: Argv<T>): Argv<T> {
  return yargs.demandCommand(1, MISSING_SUBCOMMAND);
}

export function environmentText(names: readonly EnvVar[]): string {
  const unique = [...new Set(names)];
  if (unique.length === 0) return 'Environment: none read.';
  const width = Math.max(...unique.map((name) => name.length));
  return [
    'Environment (also read from .env in the working directory or in NARADA_HOME):',
    ...unique.map((name) => `  ${name.padEnd(width)}  ${ENVIRONMENT[name]}`),
  ].join('\n');
}

/** A command group run without its subcommand: the one error line, and the listing for stdout. */
export class MissingSubcommandError extends InvalidInputError {
  constructor(
    readonly group: string,
    readonly subcommands: readonly string[],
    /** The group's help (its subcommands with their one-line descriptions), printed on stdout. */
    readonly listing: string,
  ) {
    super(
      'CLI.MISSING_SUBCOMMAND',
      `\`${group}\` needs a ${noun(group)}: ${subcommands.join(', ')}. Run \`${group} <${noun(group)}> --help\` for one's options.`,
      { details: { subcommands } },
    );
  }
}

function noun(group: string): string {
  return group.includes(' ') ? 'subcommand' : 'command';
}

/** A command that only holds subcommands (`narada likes`): documented, and run alone it lists them. */
export function commandGroup<T>(
  name: string,
  describe: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subcommand has its own arguments
  subcommands: ReadonlyArray<CommandModule<T, any>>,
  help: CommandHelp,
): CommandModule<T, T> {
  return {
    command: name,
    describe,
    builder: (yargs: Argv<T>) =>
      documented(needsSubcommand(subcommands.reduce((group, sub) => group.command(sub), yargs)), help),
    handler: () => undefined,
  };
}
