// `narada users add NAME [--rotate] | list | remove NAME`: the users of `narada serve`, each with a
// listen-submission token for the ListenBrainz-compatible API (docs/INTAKE.md).
import type { Argv, CommandModule } from 'yargs';
import { DATA_ENV } from '../../config/environment.js';
import { USERS } from '../../di/users.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, documented } from '../help.js';

interface AddArgs extends GlobalArgs {
  readonly name: string;
  readonly rotate: boolean;
}

interface RemoveArgs extends GlobalArgs {
  readonly name: string;
}

const addCommand: CommandModule<GlobalArgs, AddArgs> = {
  command: 'add <name>',
  describe: 'Add a user of the server and print their listen-submission token (shown once)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 users add alice', 'A user named as your Last.fm account, so listens count once'],
        ['$0 users add alice --rotate --json', 'A new token for alice; the old one stops working'],
      ],
      env: DATA_ENV,
    })
      .positional('name', { type: 'string', demandOption: true, describe: 'The user (listener) name' })
      .options({
        rotate: {
          type: 'boolean',
          default: false,
          describe: 'The user exists: issue a new token (the old one stops working)',
        },
      }),
  handler: withContext<AddArgs>(async (ctx, args) => {
    const added = await (await ctx.get(USERS.Add)).run({ name: args.name, rotate: args.rotate });
    const { renderAddedUser } = await import('../views/users-lines.js');
    ctx.output.result(added, renderAddedUser);
  }),
};

const listCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'list',
  describe: 'The users of the server and the listens each has sent (no tokens)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, { examples: [['$0 users list --json', 'The users, as JSON']], env: DATA_ENV }),
  handler: withContext<GlobalArgs>(async (ctx) => {
    const users = await (await ctx.get(USERS.List)).run();
    const { renderUsers } = await import('../views/users-lines.js');
    ctx.output.result(users, renderUsers);
  }),
};

const removeCommand: CommandModule<GlobalArgs, RemoveArgs> = {
  command: 'remove <name>',
  describe: 'Remove a user: their token stops working, their listens stay',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [['$0 users remove alice', 'Revoke alice’s token']],
      env: DATA_ENV,
    }).positional('name', { type: 'string', demandOption: true, describe: 'The user name' }),
  handler: withContext<RemoveArgs>(async (ctx, args) => {
    const removed = await (await ctx.get(USERS.Remove)).run(args.name);
    const { renderRemovedUser } = await import('../views/users-lines.js');
    ctx.output.result(removed, renderRemovedUser);
  }),
};

export const usersCommand = commandGroup<GlobalArgs>(
  'users',
  'The users of the server and their listen-submission tokens',
  [addCommand, listCommand, removeCommand],
  {
    examples: [
      ['$0 users add alice', 'A user and their token for ListenBrainz-speaking players'],
      ['$0 users list', 'The users and how many listens each has sent'],
    ],
    env: DATA_ENV,
  },
);
