// The command tree. Command modules are small and import their heavy parts (TypeORM, ink,
// connectors) inside handlers, so `narada --help` starts fast.
import { createRequire } from 'node:module';
import type { Argv } from 'yargs';
import type createYargs from 'yargs/yargs';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { naradaVersion } from '../config/version.js';
import { authCommand } from './commands/auth.js';
import { dbCommand } from './commands/db.js';
import { historyCommand } from './commands/history.js';
import { likesCommand } from './commands/likes.js';
import { playlistCommand } from './commands/playlist.js';
import { statsCommand } from './commands/stats.js';
import { statusCommand } from './commands/status.js';
import { tracksCommand } from './commands/tracks.js';
import { workflowCommand } from './commands/workflow.js';
import { GLOBAL_OPTIONS } from './global-options.js';

// yargs 17 through its CommonJS build, on purpose (docs/DECISIONS.md): its ES-module build wraps
// help text in the middle of words, and yargs 18 costs ~80 ms more at start-up.
const yargs = createRequire(import.meta.url)('yargs/yargs') as typeof createYargs;

export function buildCli(argv: readonly string[]): Argv {
  return yargs([...argv])
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
    .demandCommand(1, 'Name a command.')
    .recommendCommands()
    .strict()
    .version(naradaVersion())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      throw new InvalidInputError(
        'CLI.USAGE',
        `${asSentence(message)} Run \`narada --help\` (or \`narada <command> --help\`) for usage.`,
      );
    });
}

/** yargs' messages as one sentence: "Did you mean x?" alone does not say what was wrong. */
function asSentence(message: string): string {
  const text = message.trim();
  if (text.startsWith('Did you mean')) return `Unknown command. ${text}`;
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
