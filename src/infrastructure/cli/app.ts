// The command tree. Command modules import statically only yargs types, tokens and light helpers;
// handlers reach the wiring, views and use cases (`ctx.get`, `await import()`), so `narada --help`
// starts fast (test/unit/cli/startup-imports.test.ts holds the rule).
import { createRequire } from 'node:module';
import type { Argv } from 'yargs';
import type createYargs from 'yargs/yargs';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { naradaVersion } from '../config/version.js';
import { authCommand } from './commands/auth.js';
import { dbCommand } from './commands/db.js';
import { historyCommand } from './commands/history.js';
import { libraryCommand } from './commands/library.js';
import { likesCommand } from './commands/likes.js';
import { playlistCommand } from './commands/playlist.js';
import { scheduleCommand } from './commands/schedule.js';
import { serveCommand } from './commands/serve.js';
import { statsCommand } from './commands/stats.js';
import { statusCommand } from './commands/status.js';
import { tracksCommand } from './commands/tracks.js';
import { usersCommand } from './commands/users.js';
import { workerCommand } from './commands/worker.js';
import { workflowCommand } from './commands/workflow.js';
import { GLOBAL_OPTIONS } from './global-options.js';
import { documented, MISSING_SUBCOMMAND, MissingSubcommandError, needsSubcommand } from './help.js';
import { DATA_ENV, LASTFM_ENV, MUSICBRAINZ_ENV, SPOTIFY_ENV } from '../config/environment.js';

// yargs 17 through its CommonJS build, on purpose (docs/DECISIONS.md): its ES-module build wraps
// help text in the middle of words, and yargs 18 costs ~80 ms more at start-up.
const yargs = createRequire(import.meta.url)('yargs/yargs') as typeof createYargs;

export function buildCli(argv: readonly string[]): Argv {
  const cli = yargs([...argv])
    .scriptName('narada')
    .usage('$0 <command> [options]\n\nOwn your music data across Spotify, Last.fm and MusicBrainz.')
    .options(GLOBAL_OPTIONS)
    .command(statusCommand)
    .command(dbCommand)
    .command(authCommand)
    .command(historyCommand)
    .command(statsCommand)
    .command(playlistCommand)
    .command(likesCommand)
    .command(workflowCommand)
    .command(tracksCommand)
    .command(libraryCommand)
    .command(usersCommand)
    .command(scheduleCommand)
    .command(serveCommand)
    .command(workerCommand)
    // Prints a bash script, or a zsh one when SHELL is zsh; it asks `narada --get-yargs-completions`.
    .completion('completion', 'Print a shell completion script (bash, or zsh when SHELL is zsh)')
    .recommendCommands()
    .strict()
    .version(naradaVersion())
    .alias('V', 'version')
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error, usage) => {
      if (error) throw error;
      if (message === MISSING_SUBCOMMAND) throw missingSubcommand(usage as unknown as UsageView);
      throw new InvalidInputError(
        'CLI.USAGE',
        `${asSentence(message)} Run \`narada --help\` (or \`narada <command> --help\`) for usage.`,
      );
    });
  return documented(needsSubcommand(cli), {
    examples: [
      ['$0 auth spotify', 'Log in to Spotify in the browser'],
      ['$0 playlist backup --all', 'Back up every playlist of yours'],
      ['$0 history import lastfm', 'Import your Last.fm scrobbles'],
      ['$0 completion >> ~/.bashrc', 'Install command completion for bash'],
    ],
    env: [...DATA_ENV, ...SPOTIFY_ENV, ...LASTFM_ENV, ...MUSICBRAINZ_ENV],
  });
}

/**
 * What yargs passes as the third argument of `fail`: its usage object for the command that failed
 * (typed as Argv in @types/yargs, which it is not).
 */
interface UsageView {
  getCommands(): ReadonlyArray<readonly [string, ...unknown[]]>;
  showHelp(print: (text: string) => void): void;
}

function missingSubcommand(usage: UsageView): MissingSubcommandError {
  let listing = '';
  usage.showHelp((text) => (listing = text));
  // The help's first line is the group's usage: "narada workflow", or "narada <command> [options]".
  const group = (listing.split('\n')[0] ?? 'narada').replace(/\s*[<[].*$/, '').trim() || 'narada';
  const names = usage.getCommands().map(([command]) => command.split(' ')[0]!);
  return new MissingSubcommandError(group, names, listing);
}

/** yargs' messages as one sentence: "Did you mean x?" alone does not say what was wrong. */
function asSentence(message: string): string {
  const text = message.trim();
  if (text.startsWith('Did you mean')) return `Unknown command. ${text}`;
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
