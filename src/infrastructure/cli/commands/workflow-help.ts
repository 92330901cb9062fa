// `--help` of `narada workflow` and its subcommands: examples, and the environment they read.
import { DATA_ENV, LASTFM_ENV, MUSICBRAINZ_ENV, SPOTIFY_ENV } from '../../config/environment.js';
import type { CommandHelp } from '../help.js';

const SERVICES_ENV = [...SPOTIFY_ENV, ...LASTFM_ENV, ...MUSICBRAINZ_ENV, ...DATA_ENV];

export const WORKFLOW_HELP = {
  workflow: {
    examples: [
      ['$0 workflow list', 'The shipped workflows and yours'],
      ['$0 workflow run forgotten_favourites', 'Run a shipped workflow'],
    ],
    env: SERVICES_ENV,
  },
  run: {
    examples: [
      ['$0 workflow run forgotten_favourites', 'Run a shipped workflow'],
      ['$0 workflow run sort_by_plays --param playlist_id=…', 'One that takes a parameter (an id or link)'],
      ['$0 workflow run my-mix.json --dry-run', 'Plan every write of your own workflow; perform none'],
    ],
    env: SERVICES_ENV,
  },
  validate: {
    examples: [
      ['$0 workflow validate my-mix.json', 'Every problem of the file, with its task and field'],
      ['$0 workflow validate sort_by_plays', 'Check a shipped one'],
    ],
    env: ['NARADA_HOME'],
  },
  list: {
    examples: [['$0 workflow list', 'The shipped workflows and yours (NARADA_HOME/workflows)']],
    env: ['NARADA_HOME'],
  },
  nodes: {
    examples: [['$0 workflow nodes', 'Every node type with its parameters and defaults']],
    env: [],
  },
  runs: {
    examples: [
      ['$0 workflow runs', 'The 20 most recent runs'],
      ['$0 workflow runs 12', 'Run 12, task by task'],
    ],
    env: DATA_ENV,
  },
} satisfies Record<string, CommandHelp>;
