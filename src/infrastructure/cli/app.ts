// The command tree. Command modules are small and import their heavy parts (TypeORM, ink,
// connectors) inside handlers, so `narada --help` starts fast.
import yargs, { type Argv } from 'yargs';
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
        `${message} Run \`narada --help\` (or \`narada <command> --help\`) for usage.`,
      );
    });
}
