// The flags every command takes (docs/CLI.md): they may stand anywhere on the command line.

export interface GlobalArgs {
  readonly json: boolean;
  readonly verbose: boolean;
  readonly quiet: boolean;
  readonly progress: boolean;
}

export const GLOBAL_OPTIONS = {
  json: {
    type: 'boolean',
    default: false,
    describe: 'Print the result as one JSON document on stdout',
    global: true,
  },
  verbose: {
    type: 'boolean',
    default: false,
    describe: 'Log details (and stack traces of failures) to stderr',
    global: true,
  },
  quiet: { type: 'boolean', default: false, describe: 'Print only the result and errors', global: true },
  progress: {
    type: 'boolean',
    default: true,
    describe: 'Show progress (--no-progress for plain output)',
    global: true,
  },
} as const;
